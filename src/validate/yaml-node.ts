import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Span } from '../diagnostics/diagnostic.ts';
import type { YamlPlacement } from '../parse/yaml.ts';

export type YamlPath = readonly PropertyKey[];

export interface Located {
  /** The node holding the value at the path; undefined when the path is missing. */
  value: Node | undefined;
  /** The key's node when the path ends at a map entry. */
  key: Node | undefined;
  /** The deepest node that exists on the way to the path: where a missing value should be reported. */
  nearest: Node | undefined;
}

/** Finds the YAML node for a validation path, so an error points at the value itself, however deep. */
export function locate(document: Document.Parsed, path: YamlPath): Located {
  let current: unknown = document.contents;
  let key: Node | undefined;
  let nearest = (document.contents ?? undefined) as Node | undefined;
  for (const segment of path) {
    key = undefined;
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment)) as
        | Pair<Node, Node | null>
        | undefined;
      if (!pair) return { value: undefined, key: undefined, nearest };
      key = pair.key;
      current = pair.value ?? undefined;
      nearest = (pair.value ?? pair.key) as Node;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (item === undefined || isPair(item)) return { value: undefined, key: undefined, nearest };
      current = item;
      nearest = item as Node;
    } else {
      return { value: undefined, key: undefined, nearest };
    }
  }
  return { value: current as Node | undefined, key, nearest };
}

/** Start and end offsets of a node within the YAML text (null scalars have no extent: use the key). */
export function rangeOf(node: Node | undefined): [number, number] | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return [range[0], Math.max(range[1], range[0])];
}

/** Where in its file the value (or key) at `path` stands, for a diagnostic to point at. */
export function spanAt(placement: YamlPlacement, path: YamlPath, target: 'value' | 'key'): Span {
  const found = locate(placement.document, path);
  const node = target === 'key' ? (found.key ?? found.value) : (found.value ?? found.key);
  const range = trimmed(placement, rangeOf(node));
  if (range && range[1] > range[0]) return placement.spanOf([placement.offset + range[0], placement.offset + range[1]]);
  // A key missing at the top is a problem of the whole block, not of whichever key comes first.
  if (path.length <= 1 || !found.nearest) return placement.wholeSpan;
  // Missing entirely: point at the nearest enclosing value (the attendee entry lacking a name).
  const near = trimmed(placement, rangeOf(found.nearest));
  return near ? placement.spanOf([placement.offset + near[0], placement.offset + near[1]]) : placement.wholeSpan;
}

/** A block list or entry's range runs on to the next line; the value ends where its text does. */
function trimmed(placement: YamlPlacement, range: [number, number] | undefined): [number, number] | undefined {
  if (!range) return undefined;
  let end = range[1];
  while (end > range[0] && /\s/.test(placement.text[end - 1] ?? '')) end--;
  return [range[0], end];
}
