/**
 * Where [valueStart, valueEnd) of a node's value lies in the file. The value differs from the source
 * where Markdown or YAML took something out (an escape, an entity, a block quote's `>`, the
 * indentation of a continued line, quotes), so the value's characters are aligned with the
 * source's, in order; what cannot be aligned falls back to the node's own range.
 */
export function mapRange(
  value: string,
  source: string,
  sourceStart: number,
  sourceEnd: number,
  valueStart: number,
  valueEnd: number,
): [number, number] {
  const slice = source.slice(sourceStart, sourceEnd);
  if (slice === value) return [sourceStart + valueStart, sourceStart + valueEnd];
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    let k = j;
    while (k < slice.length && slice[k] !== value[i]) k++;
    if (k < slice.length) {
      map[i] = k;
      j = k + 1;
    } else map[i] = Math.max(j - 1, 0);
  }
  const from = map[valueStart];
  const lastChar = map[valueEnd - 1];
  if (from !== undefined && lastChar !== undefined && lastChar >= from) return [sourceStart + from, sourceStart + lastChar + 1];
  const direct = slice.indexOf(value.slice(valueStart, valueEnd));
  if (direct >= 0) return [sourceStart + direct, sourceStart + direct + (valueEnd - valueStart)];
  return [sourceStart, sourceEnd];
}
