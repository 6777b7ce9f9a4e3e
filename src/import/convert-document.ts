import { readFile } from 'node:fs/promises';
import { cleanText } from './clean/clean-text.ts';
import { ReadError, readDocument } from './read/read-document.ts';
import { recogniseMinute } from './recognise/recognise-minute.ts';
import type { MinuteFields, RecogniseContext } from './recognise/types.ts';
import { minutePath, renderMinute, sourceName } from './write/render-minute.ts';

export type Converted =
  | { ok: true; fields: MinuteFields; markdown: string; target: string; review: string[] }
  | { ok: false; error: string; review: string[] };

/** One legacy document → the minute file it becomes: read → clean → recognise → write (in memory). */
export async function convertDocument(file: string, outDir: string, context: RecogniseContext): Promise<Converted> {
  let text: string;
  try {
    text = await readDocument(file, await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: 'Soubor neexistuje.', review: [] };
    if (code === 'EISDIR' || code === 'EACCES') return { ok: false, error: `Soubor nelze otevřít (${code}).`, review: [] };
    if (error instanceof ReadError) return { ok: false, error: error.message, review: [] };
    throw error;
  }
  if (text.trim() === '') return { ok: false, error: 'Dokument neobsahuje žádný text.', review: [] };
  const isGroupName = (line: string) => {
    const match = context.groups.matchAtStart(line);
    return match !== undefined && /^[\s.,:;–—-]*$/.test(line.slice(match.end));
  };
  const recognised = recogniseMinute(cleanText(text, { isGroupName }), context);
  if (!recognised.ok) return recognised;
  const { fields, body, review } = recognised;
  return {
    ok: true,
    fields,
    markdown: renderMinute(fields, body, sourceName(file)),
    target: minutePath(outDir, fields),
    review,
  };
}
