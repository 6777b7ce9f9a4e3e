import { jsonChunks, type JsonChunk } from './json-chunks.ts';
import { textStoreOf } from './stored-text.ts';
import type { ArchiveModel, RenderedText } from './types.ts';

type WithoutHtml<T> = T extends RenderedText
  ? Omit<RenderedText, 'html'>
  : T extends readonly (infer U)[]
    ? WithoutHtml<U>[]
    : T extends object
      ? { [K in keyof T]: WithoutHtml<T[K]> }
      : T;

export type OpenData = WithoutHtml<ArchiveModel>;

/** The key left out of the open data: rendered HTML is the site's business. */
export const OPEN_DATA_OMITTED_KEY = 'html';

/** The model as open data (data/archive.json, `minutes extract --format json`). */
export function toOpenData(model: ArchiveModel): OpenData {
  return withoutKey(model, OPEN_DATA_OMITTED_KEY) as OpenData;
}

/** A deep copy without `key` and without undefined members, as a JSON round trip would give, without the string. */
function withoutKey(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((element) => (element === undefined ? null : withoutKey(element, key)));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) if (name !== key && member !== undefined) copy[name] = withoutKey(member, key);
  return copy;
}

/**
 * The open data as JSON text (newline-terminated) in pieces: at tens of thousands of minutes the
 * document is larger than one JavaScript string can be. Two-space indented for people (`minutes
 * extract`), or compact (`space` 0) for the site's file: 197 instead of 232 MB at 10,000 minutes,
 * and about a second less of each build.
 */
export function* openDataChunks(model: ArchiveModel, space = 2): Generator<JsonChunk> {
  // A meeting whose text is stored is opened, and its text copied from the store as compact JSON
  // without reading it: most of the document's bytes at 10,000 minutes, never parsed or written again.
  const stored = space === 0;
  yield* jsonChunks(model, (key, value) => (key === OPEN_DATA_OMITTED_KEY ? undefined : value), {
    space,
    raw: stored ? (value) => textStoreOf(value)?.openJson() : undefined,
    open: stored ? (value) => textStoreOf((value as { body?: unknown }).body) !== undefined : undefined,
  });
  yield '\n';
}
