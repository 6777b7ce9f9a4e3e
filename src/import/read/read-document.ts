import path from 'node:path';
import { decodeText } from './decode-text.ts';
import { readDocx } from './read-docx.ts';
import { readPdf } from './read-pdf.ts';

/** The formats the importer reads, by file extension. */
export const IMPORTABLE = ['.txt', '.md', '.docx', '.pdf'] as const;

/** Formats secretaries also have, with what to do about them. */
const UNSUPPORTED: Record<string, string> = {
  '.doc': 'Starý formát Wordu (.doc) neumím přečíst; uložte dokument ve Wordu jako .docx nebo PDF.',
  '.rtf': 'Formát RTF neumím přečíst; uložte dokument jako .docx nebo PDF.',
  '.odt': 'Formát OpenDocument (.odt) neumím přečíst; uložte dokument jako .docx nebo PDF.',
};

export class ReadError extends Error {}

function startsWithUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

export function isImportable(file: string): boolean {
  return (IMPORTABLE as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** Formats worth reporting when found in a folder: a legacy minute the user expects to be imported. */
export function isKnownDocument(file: string): boolean {
  return isImportable(file) || path.extname(file).toLowerCase() in UNSUPPORTED;
}

/** Bytes of a document → its text (see each reader for how a format's structure is kept). */
export async function readDocument(file: string, bytes: Uint8Array): Promise<string> {
  const extension = path.extname(file).toLowerCase();
  try {
    switch (extension) {
      case '.txt':
      case '.md': {
        // NUL bytes never occur in text: this is a Word file or a picture renamed to .txt.
        if (bytes.subarray(0, 8000).includes(0) && !startsWithUtf16Bom(bytes)) {
          throw new ReadError('Soubor není text (obsahuje binární data); je to možná dokument Wordu nebo PDF s jinou příponou.');
        }
        const { text } = decodeText(bytes);
        if (/^---\n[\s\S]*?\n---(?:\n|$)/.test(text)) {
          throw new ReadError('Soubor už je zápis archivu (má záhlaví YAML); neimportuje se znovu.');
        }
        return text;
      }
      case '.docx':
        return await readDocx(bytes);
      case '.pdf': {
        const text = await readPdf(bytes);
        if (!text.trim()) throw new ReadError('PDF neobsahuje text (nejspíš je naskenovaný); převeďte ho nejdřív rozpoznáním textu (OCR).');
        return text;
      }
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    const kind = extension === '.pdf' ? 'PDF' : 'dokument Wordu';
    throw new ReadError(`Soubor nelze přečíst jako ${kind}: ${(error as Error).message}`);
  }
  throw new ReadError(UNSUPPORTED[extension] ?? `Neznámý formát „${extension || path.basename(file)}“; umím .txt, .md, .docx a .pdf.`);
}
