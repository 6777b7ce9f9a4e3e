import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
export const BASE = path.join(FIXTURES, '_base');

/** Files of a case folder that describe the case rather than belong to its project. */
const NOT_PROJECT_FILES = new Set(['expected.json', 'bytes.json']);

/**
 * One segment of a generated file, for inputs that cannot be committed as text: UTF-8 text, raw
 * bytes in hex, or text in the encodings Windows tools write (Windows-1250; UTF-16LE, which
 * Notepad calls "Unicode").
 */
export type ByteSegment = string | { hex: string } | { 'windows-1250': string } | { 'utf-16le': string };

/**
 * A temporary project: the shared base, the case's files over it, then the files of the case's
 * bytes.json ({ "minutes/2021/x.md": [segments…] }). Returns the project root; remove it when done.
 */
export async function materializeCase(caseDir: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `minutes-${path.basename(caseDir)}-`));
  await cp(BASE, root, { recursive: true });
  await cp(caseDir, root, {
    recursive: true,
    filter: (source) => !(path.dirname(source) === caseDir && NOT_PROJECT_FILES.has(path.basename(source))),
  });
  const recipe = path.join(caseDir, 'bytes.json');
  if (existsSync(recipe)) {
    const files = JSON.parse(await readFile(recipe, 'utf8')) as Record<string, ByteSegment[]>;
    for (const [file, segments] of Object.entries(files)) {
      const target = path.join(root, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, Buffer.concat(segments.map(toBytes)));
    }
  }
  return root;
}

export async function removeProject(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

function toBytes(segment: ByteSegment): Buffer {
  if (typeof segment === 'string') return Buffer.from(segment, 'utf8');
  if ('hex' in segment) return Buffer.from(segment.hex.replace(/\s+/g, ''), 'hex');
  if ('utf-16le' in segment) return Buffer.from(segment['utf-16le'], 'utf16le');
  return encodeWindows1250(segment['windows-1250']);
}

/** The Czech letters of Windows-1250 (Node has no encoder for it); ASCII passes through. */
const WINDOWS_1250: Record<string, number> = {
  á: 0xe1, č: 0xe8, ď: 0xef, é: 0xe9, ě: 0xec, í: 0xed, ň: 0xf2, ó: 0xf3, ř: 0xf8, š: 0x9a, ť: 0x9d, ú: 0xfa, ů: 0xf9, ý: 0xfd, ž: 0x9e,
  Á: 0xc1, Č: 0xc8, Ď: 0xcf, É: 0xc9, Ě: 0xcc, Í: 0xcd, Ň: 0xd2, Ó: 0xd3, Ř: 0xd8, Š: 0x8a, Ť: 0x8d, Ú: 0xda, Ů: 0xd9, Ý: 0xdd, Ž: 0x8e,
};

export function encodeWindows1250(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      if (code < 0x80) return code;
      const mapped = WINDOWS_1250[char];
      if (mapped === undefined) throw new Error(`No Windows-1250 byte for „${char}“ in the fixture recipe.`);
      return mapped;
    }),
  );
}
