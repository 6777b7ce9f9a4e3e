import type { Point } from '../diagnostics/diagnostic.ts';

/** The line and column of a byte offset, counting the valid UTF-8 before it as characters. */
export function pointAtByteOffset(bytes: Uint8Array, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).replace(/^\uFEFF/, '');
  return { line, column: prefix.length + 1 };
}
