import type { List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Strong, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SourcePosition } from '../model/types.ts';
import type { ExtractedContent } from './types.ts';

export function positionOf(node: Nodes): SourcePosition {
  const p = node.position;
  return {
    line: p?.start.line ?? 1,
    column: p?.start.column ?? 1,
    endLine: p?.end.line ?? 1,
    endColumn: p?.end.column ?? 1,
  };
}

/** From the start of one block to the end of another: a lead paragraph and the list it introduces. */
export function spanning(first: Nodes, last: Nodes): SourcePosition {
  const a = positionOf(first);
  const b = positionOf(last);
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}

/** The paragraph that opens a list item or is the block itself: where a block says what it is. */
export function headOf(block: ListItem | Paragraph): Paragraph | undefined {
  if (block.type === 'paragraph') return block;
  return block.children[0]?.type === 'paragraph' ? block.children[0] : undefined;
}

/** Plain text of blocks: one line per paragraph or list item, for excerpts and search. */
export function plainText(nodes: readonly Nodes[]): string {
  const lines: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      lines.push(toString(node).replace(/\s+/g, ' ').trim());
    } else if ('children' in node) {
      for (const child of node.children) walk(child as Nodes);
    } else if (node.type === 'code' || node.type === 'html') {
      lines.push(node.value);
    }
  };
  for (const node of nodes) walk(node);
  return lines.filter(Boolean).join('\n');
}

// What separates a leading name from what follows: "Naděje. U nich…", "**ASZ:** …", "(CIC). Jedná…".
// It never crosses a line: a nested list's "- " on the next line is content, not a separator.
const SEPARATOR = /^[ \t)]*[.:,;–—-]*[ \t]*/;

/**
 * The leading words of a block. A bold lead may hold more than the name: "**Naděje DC +
 * noclehárna Kateřinky**" keeps "DC + noclehárna Kateřinky" as its qualifier, in the content.
 */
export type Lead = { kind: 'strong'; node: Strong; qualifier?: string } | { kind: 'text'; node: Text; length: number };

/**
 * The list that a lone lead paragraph introduces: "Informace ASZ:" or "**Usnesení:**" on a line of
 * its own, with the items below it. Only when the paragraph says nothing after its lead.
 */
export function introducedList(paragraph: Paragraph, lead: Lead, next: RootContent | undefined): List | undefined {
  if (next?.type !== 'list') return undefined;
  const remainder =
    lead.kind === 'strong'
      ? toString({ ...paragraph, children: paragraph.children.slice(1) })
      : toString(paragraph).slice(lead.length);
  return remainder.replace(SEPARATOR, '').trim() === '' && !(lead.kind === 'strong' && lead.qualifier) ? next : undefined;
}

/**
 * A block's content without its leading words (an organization's name, "Usnesení:"): the same
 * mdast nodes for the HTML and the source slice for the Markdown, so nothing is parsed twice.
 */
export function contentAfterLead(
  block: ListItem | Paragraph,
  lead: Lead,
  sourceText: string,
  following?: List,
): ExtractedContent {
  const head = headOf(block)!;
  const rest = head.children.slice(1);
  let firstChildren: PhrasingContent[];
  let cutOffset: number;
  let qualifier = '';
  if (lead.kind === 'strong') {
    firstChildren = rest;
    cutOffset = lead.node.position?.end.offset ?? 0;
    if (lead.qualifier) {
      qualifier = `**${lead.qualifier}**`;
      firstChildren = [{ type: 'strong', children: [{ type: 'text', value: lead.qualifier }] }, ...rest];
    }
  } else {
    firstChildren = [{ ...lead.node, value: lead.node.value.slice(lead.length) }, ...rest];
    cutOffset = (lead.node.position?.start.offset ?? 0) + lead.length;
  }
  const first = firstChildren[0];
  if (first?.type === 'text' && !qualifier) {
    const trimmed = first.value.replace(SEPARATOR, '');
    firstChildren = trimmed ? [{ ...first, value: trimmed }, ...firstChildren.slice(1)] : firstChildren.slice(1);
  }
  const newHead: Paragraph[] = firstChildren.length ? [{ ...head, children: firstChildren }] : [];
  const tail: RootContent[] = block.type === 'listItem' ? block.children.slice(1) : [];
  const nodes: RootContent[] = [...newHead, ...tail, ...(following ? [following] : [])];
  const end = (following ?? block).position?.end.offset ?? cutOffset;
  const after = sourceText.slice(cutOffset, end);
  const markdown = dedent(qualifier ? `${qualifier}${after}` : after.replace(SEPARATOR, ''), contentIndent(block));
  return { nodes, markdown, text: plainText(nodes) };
}

function contentIndent(block: ListItem | Paragraph): number {
  if (block.type !== 'listItem') return 0;
  const head = block.children[0];
  return Math.max(0, (head?.position?.start.column ?? 1) - 1);
}

/** Nested lines of a list item keep the item's indent in the source; the extracted Markdown stands alone. */
function dedent(markdown: string, indent: number): string {
  if (indent === 0) return markdown.trim();
  const prefix = new RegExp(`^ {1,${indent}}`);
  return markdown
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(prefix, '')))
    .join('\n')
    .trim();
}
