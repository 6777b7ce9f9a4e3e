import type { Block, ItemBlock } from './types.ts';
import { indentOf, listMarker } from './markup.ts';

/**
 * The body's lines → paragraphs and points. A point indented under another is nested in it.
 * A paragraph after a numbered point is that point's discussion ("1. Byl představen web…" and
 * the paragraphs under it, up to "2."): numbered points are the minute's sections. A paragraph
 * after a dash point ends the list, unless it is indented under the point.
 */
export function parseBody(lines: readonly string[]): Block[] {
  const top: Block[] = [];
  const open: ItemBlock[] = [];
  let blankBefore = false;
  for (const line of lines) {
    if (line.trim() === '') {
      blankBefore = true;
      continue;
    }
    const marker = listMarker(line);
    if (marker && marker.kind !== 'letter') {
      while (open.length && open.at(-1)!.indent >= marker.indent) open.pop();
      const item: ItemBlock = {
        kind: 'item',
        ordered: marker.kind === 'number',
        number: marker.number,
        text: marker.text.trim(),
        indent: marker.indent,
        blankBefore,
        children: [],
      };
      (open.at(-1)?.children ?? top).push(item);
      open.push(item);
    } else {
      // Lettered points ("a) Zahájení") have no Markdown list: they stay paragraphs, as written.
      const indent = indentOf(line);
      while (open.length && !holdsParagraph(open.at(-1)!, indent)) open.pop();
      (open.at(-1)?.children ?? top).push({ kind: 'paragraph', text: line.trim(), indent, blankBefore });
    }
    blankBefore = false;
  }
  return top;
}

function holdsParagraph(item: ItemBlock, indent: number): boolean {
  return item.ordered ? indent >= item.indent : indent > item.indent;
}
