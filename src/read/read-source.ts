import { readFile } from 'node:fs/promises';
import { FILE_START, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { pointAtByteOffset } from './byte-position.ts';

/** A file's text, decoded and normalised, ready for the parse stage. */
export interface SourceFile {
  /** Path as shown to people: relative to the project root, with forward slashes. */
  path: string;
  text: string;
}

export type ReadResult =
  | { ok: true; source: SourceFile }
  | { ok: false; diagnostics: Diagnostic[] };

const BOM = 0xfeff;

/**
 * Turns bytes into text the parser can trust. Binary and non-UTF-8 input is reported rather than
 * decoded into mojibake; a BOM is dropped and CRLF becomes LF, which keeps every line and column.
 */
export function decodeSource(path: string, bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return fail(diagnose('empty-file', path, FILE_START));
  // Notepad's "Unicode" is UTF-16 with a byte order mark: text, though full of NUL bytes.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(diagnose('not-utf8', path, FILE_START, { encoding: 'UTF-16' }));
  }
  if (looksBinary(bytes)) return fail(diagnose('binary-file', path, FILE_START));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const point = pointAtByteOffset(bytes, at);
    return fail(
      diagnose('not-utf8', path, { start: point, end: { line: point.line, column: point.column + 1 } }, {
        encoding: guessLegacyEncoding(bytes),
      }),
    );
  }
  text = normalizeText(text);
  if (text.trim() === '') return fail(diagnose('empty-file', path, FILE_START));
  return { ok: true, source: { path, text } };
}

/** Without a BOM and with LF line ends: lines and columns stay those an editor shows. */
export function normalizeText(text: string): string {
  return (text.charCodeAt(0) === BOM ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

export async function readSource(absolutePath: string, displayPath: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail(diagnose('file-not-found', displayPath, FILE_START));
    throw error;
  }
  return decodeSource(displayPath, bytes);
}

function fail(diagnostic: Diagnostic): ReadResult {
  return { ok: false, diagnostics: [diagnostic] };
}

/** NUL bytes never occur in text files but always in Word, PDF and image files, like git's heuristic. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return true;
  // Zip (docx) and PDF signatures, in case a small file happens to have no NUL in its head.
  const signature = String.fromCharCode(...head.subarray(0, 5));
  return signature.startsWith('PK\u0003\u0004') || signature === '%PDF-';
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

/**
 * Czech text in a legacy code page: bytes of ě, š, č, ř, ž, ý, á, í, é, ů in Windows-1250
 * (ISO-8859-2 differs only in š/ž/ť/ś/ź). Enough to name the likely culprit in the message.
 */
function guessLegacyEncoding(bytes: Uint8Array): string {
  let cp1250 = 0;
  let iso = 0;
  for (const b of bytes) {
    if (b === 0x9a || b === 0x9e || b === 0x8a || b === 0x8e || b === 0x9d) cp1250++;
    if (b === 0xb9 || b === 0xbe || b === 0xa9 || b === 0xae || b === 0xbb) iso++;
  }
  return iso > cp1250 ? 'ISO-8859-2' : 'Windows-1250';
}
