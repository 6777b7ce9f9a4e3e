/**
 * JSON.stringify(value, replacer, 2) as a sequence of chunks, byte for byte the same text, so a
 * document larger than a JavaScript string can hold (the open data of 50,000 minutes is over a
 * gigabyte of JSON; V8 strings stop near 512 M characters) is written piece by piece. Arrays and
 * objects down to `streamDepth` are opened element by element; anything deeper is one chunk from
 * JSON.stringify itself, re-indented for its depth.
 */
export type JsonReplacer = (key: string, value: unknown) => unknown;

export function* jsonChunks(value: unknown, replacer: JsonReplacer, streamDepth = 2): Generator<string> {
  yield* chunksOf(replacer.call({ '': value }, '', value), replacer, 0, streamDepth);
}

function* chunksOf(value: unknown, replacer: JsonReplacer, depth: number, streamDepth: number): Generator<string> {
  if (depth >= streamDepth || value === null || typeof value !== 'object' || hasToJson(value)) {
    const text = JSON.stringify(value, replacer, 2);
    yield depth === 0 ? text : text.replace(/\n/g, `\n${indent(depth)}`);
    return;
  }
  const inner = indent(depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const element = replacer.call(value, String(i), value[i]);
      if (element === undefined || typeof element === 'function' || typeof element === 'symbol') yield 'null';
      else yield* chunksOf(element, replacer, depth + 1, streamDepth);
    }
    return yield `\n${indent(depth)}]`;
  }
  let first = true;
  for (const [key, raw] of Object.entries(value)) {
    const member = replacer.call(value, key, raw);
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunksOf(member, replacer, depth + 1, streamDepth);
  }
  yield first ? '{}' : `\n${indent(depth)}}`;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function indent(depth: number): string {
  return '  '.repeat(depth);
}
