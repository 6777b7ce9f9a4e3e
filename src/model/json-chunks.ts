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
   * The JSON text of a value whose text is at hand already (as the replacer would make it, with
   * the same indentation), or undefined to write the value itself. Asked of the values of opened
   * levels and of those `open` opens.
   */
  raw?: (value: object) => JsonChunk | undefined;
  /** Values below `streamDepth` to open as well: those holding a value `raw` gives. */
  open?: (value: object) => boolean;
}

export function* jsonChunks(value: unknown, replacer: JsonReplacer, { streamDepth = 2, space = 2, raw, open }: JsonChunksOptions = {}): Generator<JsonChunk> {
  const layout: Layout = { streamDepth, space, raw, open, indent: (depth) => (space ? `\n${' '.repeat(space * depth)}` : '') };
  yield* chunksOf(replacer.call({ '': value }, '', value), replacer, 0, layout);
}

interface Layout {
  streamDepth: number;
  space: number;
  raw: JsonChunksOptions['raw'];
  open: JsonChunksOptions['open'];
  /** The line break and indentation before a member at `depth`, or nothing in compact JSON. */
  indent: (depth: number) => string;
}

function* chunksOf(value: unknown, replacer: JsonReplacer, depth: number, layout: Layout): Generator<JsonChunk> {
  const raw = layout.raw && isObject(value) ? layout.raw(value) : undefined;
  if (raw !== undefined) return yield raw;
  yield* piecesOf(value, replacer, depth, layout);
}

/** `value` (not one `raw` gives) as chunks: opened when it is to be, else one JSON.stringify. */
function* piecesOf(value: unknown, replacer: JsonReplacer, depth: number, layout: Layout): Generator<JsonChunk> {
  if (!opens(value, depth, layout)) {
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
  if (!layout.space) return yield* compactMembers(value, replacer, depth, layout);
  let first = true;
  for (const [key, raw] of Object.entries(value)) {
    const member = replacer.call(value, key, raw);
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunksOf(member, replacer, depth + 1, layout);
  }
  yield first ? '{}' : `${layout.indent(depth)}}`;
}

/**
 * The members of an opened object in compact JSON. Consecutive members that are neither opened
 * nor given by `raw` are written by one JSON.stringify: an opened meeting is then three chunks
 * (the members before its text, the text, the rest), not one per member.
 */
function* compactMembers(value: object, replacer: JsonReplacer, depth: number, layout: Layout): Generator<JsonChunk> {
  // Without a prototype, a member named "__proto__" is a member like any other, as in JSON.
  const emptyRun = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>;
  let run = emptyRun();
  let runLength = 0;
  let first = true;
  // The run's members are replaced already; JSON.stringify passes only what lies inside them to the replacer.
  const inRun = function (this: unknown, key: string, member: unknown) {
    return this === run || (key === '' && member === run) ? member : replacer.call(this, key, member);
  };
  const separator = () => (first ? ((first = false), '{') : ',');
  const takeRun = () => {
    const text = JSON.stringify(run, inRun).slice(1, -1);
    run = emptyRun();
    runLength = 0;
    return text;
  };
  for (const [key, original] of Object.entries(value)) {
    const member = replacer.call(value, key, original);
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    const raw = layout.raw && isObject(member) ? layout.raw(member) : undefined;
    if (raw === undefined && !opens(member, depth + 1, layout)) {
      run[key] = member;
      runLength++;
      continue;
    }
    if (runLength) yield `${separator()}${takeRun()}`;
    yield `${separator()}${JSON.stringify(key)}:`;
    if (raw !== undefined) yield raw;
    else yield* piecesOf(member, replacer, depth + 1, layout);
  }
  if (runLength) yield `${separator()}${takeRun()}`;
  yield first ? '{}' : '}';
}

/** Whether `value` is written in pieces rather than by one JSON.stringify. */
function opens(value: unknown, depth: number, layout: Layout): value is object {
  if (!isObject(value) || hasToJson(value)) return false;
  return depth < layout.streamDepth || (layout.open?.(value) ?? false);
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
