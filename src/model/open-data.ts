import { jsonChunks, type JsonChunk } from './json-chunks.ts';
import { meetingPiece, organizationPiece, personPiece, type OpenDataSplice } from './open-data-pieces.ts';
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
 * and about a second less of each build. The site's file may copy unchanged meetings,
 * organizations and people from the previous one (`splice`, see open-data-pieces.ts).
 */
export function* openDataChunks(model: ArchiveModel, space = 2, splice?: OpenDataSplice): Generator<JsonChunk> {
  // A meeting whose text is stored is opened, and its text copied from the store as compact JSON
  // without reading it: most of the document's bytes at 10,000 minutes, never parsed or written again.
  const stored = space === 0;
  const storedRaw = (value: object) => textStoreOf(value)?.openJson();
  const hasStoredBody = (value: object) => textStoreOf((value as { body?: unknown }).body) !== undefined;
  const options = { space, raw: stored ? storedRaw : undefined, open: stored ? hasStoredBody : undefined };
  if (!stored || !splice) {
    yield* jsonChunks(model, omitHtml, options);
    yield '\n';
    return;
  }
  // Each meeting, organization and person with a piece id is one chunk, copied or made whole, so its place can be recorded.
  const pieceOf = new Map<object, string | undefined>();
  for (const meeting of model.meetings) pieceOf.set(meeting, meetingPiece(meeting));
  for (const organization of model.organizations) pieceOf.set(organization, organizationPiece(organization));
  for (const person of model.people) pieceOf.set(person, personPiece(person));
  let piece: { id: string; bytes: Buffer } | undefined;
  const pieceBytes = (value: object, id: string): Buffer => {
    const bytes = splice.previous(id, value as { id: string }) ?? Buffer.concat([...jsonChunks(value, omitHtml, { ...options, streamDepth: 0 })].map(asBytes));
    piece = { id, bytes };
    return bytes;
  };
  const raw = (value: object) => {
    const id = pieceOf.get(value);
    return id === undefined ? storedRaw(value) : pieceBytes(value, id);
  };
  let offset = 0;
  let unrecorded = [...pieceOf.values()].filter((id) => id !== undefined).length;
  for (const chunk of jsonChunks(model, omitHtml, { ...options, raw })) {
    if (unrecorded) {
      if (chunk === piece?.bytes) {
        splice.record(piece.id, offset, chunk.length);
        unrecorded--;
      }
      // Pieces come before the rest of the document (tasks, decisions, upcoming meetings), which then needs no counting.
      offset += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    }
    yield chunk;
  }
  yield '\n';
}

function omitHtml(key: string, value: unknown): unknown {
  return key === OPEN_DATA_OMITTED_KEY ? undefined : value;
}

function asBytes(chunk: JsonChunk): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}
