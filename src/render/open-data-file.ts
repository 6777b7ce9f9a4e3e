/**
 * /data/archive.json written as a stream. openDataJson (open-data.ts) builds the whole file as one
 * string: at N = 10,000 minutes that is ~200 M characters, ~7 s and ~0.8 GB on top of the model.
 * This writes the same bytes element by element: every element of the model's top-level arrays is
 * serialized on its own and indented as JSON.stringify(…, null, 2) would place it. The open-data
 * rule (the model without its rendered `html`) is the one of toOpenData (src/model/open-data.ts);
 * test/site/open-data-file.test.ts holds the two to the same bytes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ArchiveModel } from '../model/types.ts';

/** Flushed to the file in pieces of about this many characters. */
const CHUNK = 1 << 20;

const withoutHtml = (key: string, value: unknown): unknown => (key === 'html' ? undefined : value);

export async function writeOpenDataFile(model: ArchiveModel, file: string): Promise<void> {
  const out = createWriteStream(file);
  const failed = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => {});
  let pending = '';
  const write = async (text: string): Promise<void> => {
    pending += text;
    if (pending.length < CHUNK) return;
    const chunk = pending;
    pending = '';
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  for (const piece of openDataPieces(model)) await write(piece);
  out.end(pending);
  await Promise.race([once(out, 'finish'), failed]);
}

/** The text of openDataJson(model), in pieces (exported for the test). */
export function* openDataPieces(model: ArchiveModel): Generator<string> {
  const root = withoutHtml('', model);
  if (!isPlainObject(root)) {
    yield `${JSON.stringify(root, withoutHtml, 2)}\n`;
    return;
  }
  let first = true;
  for (const [key, raw] of Object.entries(root)) {
    const value = withoutHtml(key, raw);
    const single = Array.isArray(value) && isPlainArray(value) ? undefined : JSON.stringify(value, withoutHtml, 2);
    if (!Array.isArray(value) && single === undefined) continue; // omitted by JSON.stringify too
    yield `${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (single !== undefined) {
      yield indent(single, '  ');
      continue;
    }
    const items = value as unknown[];
    if (items.length === 0) {
      yield '[]';
      continue;
    }
    for (let i = 0; i < items.length; i++) {
      const text = JSON.stringify(withoutHtml(String(i), items[i]), withoutHtml, 2) ?? 'null';
      yield `${i === 0 ? '[\n' : ',\n'}    ${indent(text, '    ')}`;
    }
    yield '\n  ]';
  }
  yield first ? '{}\n' : '\n}\n';
}

function indent(json: string, by: string): string {
  // Serialized JSON has no raw line breaks inside strings, so every "\n" starts a new line.
  return json.replace(/\n/g, `\n${by}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !('toJSON' in value);
}

function isPlainArray(value: unknown[]): boolean {
  return !('toJSON' in value);
}
