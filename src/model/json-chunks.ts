/**
 * JSON.stringify(value, replacer, space) as a sequence of chunks, byte for byte the same text, so
 * a document larger than a JavaScript string can hold (the open data of 50,000 minutes is over a
 * gigabyte of JSON; V8 strings stop near 512 M characters) is written piece by piece. Arrays and
 * objects down to `streamDepth` are opened element by element; anything deeper is one chunk from
 * JSON.stringify itself, re-indented for its depth when indented at all.
 */
export type JsonReplacer = (key: string, value: unknown) => unknown;

/** A piece of the JSON text; `raw` may give one as UTF-8 bytes. */
export type JsonChunk = string | Buffer;

export interface JsonChunksOptions {
  /** Levels opened element by element (default 2). */
  streamDepth?: number;
  /** Spaces of indentation as JSON.stringify's `space` (default 2); 0 for compact JSON. */
  space?: number;
  /**
   * The JSON text of a value met down to `streamDepth` whose text is at hand already (as the
   * replacer would make it, with the same indentation), or undefined to write the value itself.
   */
  raw?: (value: object) => JsonChunk | undefined;
}

export function* jsonChunks(value: unknown, replacer: JsonReplacer, { streamDepth = 2, space = 2, raw }: JsonChunksOptions = {}): Generator<JsonChunk> {
  const layout: Layout = { streamDepth, space, raw, indent: (depth) => (space ? `\n${' '.repeat(space * depth)}` : '') };
  yield* chunksOf(replacer.call({ '': value }, '', value), replacer, 0, layout);
}

interface Layout {
  streamDepth: number;
  space: number;
  raw: JsonChunksOptions['raw'];
  /** The line break and indentation before a member at `depth`, or nothing in compact JSON. */
  indent: (depth: number) => string;
}

function* chunksOf(value: unknown, replacer: JsonReplacer, depth: number, layout: Layout): Generator<JsonChunk> {
  const raw = layout.raw && value !== null && typeof value === 'object' ? layout.raw(value) : undefined;
  if (raw !== undefined) return yield raw;
  if (depth >= layout.streamDepth || value === null || typeof value !== 'object' || hasToJson(value)) {
    const text = JSON.stringify(value, replacer, layout.space);
    yield depth === 0 || !layout.space ? text : text.replace(/\n/g, layout.indent(depth));
    return;
  }
  const inner = layout.indent(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}${inner}`;
      const element = replacer.call(value, String(i), value[i]);
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') yield 'null';
      else yield* chunksOf(element, replacer, depth + 1, layout);
    }
    return yield `${layout.indent(depth)}]`;
  }
  const colon = layout.space ? ': ' : ':';
  let first = true;
  for (const [key, raw] of Object.entries(value)) {
    const member = replacer.call(value, key, raw);
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}${colon}`;
    first = false;
    yield* chunksOf(member, replacer, depth + 1, layout);
  }
  yield first ? '{}' : `${layout.indent(depth)}}`;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
