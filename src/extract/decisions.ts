import type { ListItem, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { contentAfterLead, headOf, plainText, positionOf } from './blocks.ts';
import type { ExtractedDecision } from './types.ts';

// The convention: a paragraph or list item opening with a bold "Usnesení:" (optionally numbered,
// "Usnesení č. 3/2024:"), "Rozhodnutí:" or "Závěr:". Legacy minutes write the same without bold,
// or a sentence opening with "Shodli jsme se" / "Dohodli jsme se".
const LABEL = /^\s*((?:usnesení|rozhodnutí)(?:\s+č\.\s*[\p{L}\p{N}/.-]+)?|závěr)\s*:?\s*$/iu;
const PLAIN_LABEL = /^\s*((?:Usnesení|Rozhodnutí)(?:\s+č\.\s*[\p{L}\p{N}/.-]+)?|Závěr)\s*:/u;
const AGREED = /^\s*(?:shodli|dohodli)\s+jsme\s+se\b/iu;

export function extractDecisions(tree: Root, sourceText: string): ExtractedDecision[] {
  const decisions: ExtractedDecision[] = [];
  const seen = new Set<Paragraph>();
  const consider = (block: ListItem | Paragraph): void => {
    const head = headOf(block);
    const first = head?.children[0];
    if (!head || !first || seen.has(head)) return;
    if (first.type === 'strong' && LABEL.test(toString(first))) {
      seen.add(head);
      const label = toString(first).replace(/\s*:\s*$/, '').trim();
      decisions.push({ label, content: contentAfterLead(block, { kind: 'strong', node: first }, sourceText), position: positionOf(block) });
      return;
    }
    if (first.type !== 'text') return;
    const plain = PLAIN_LABEL.exec(first.value);
    if (plain) {
      seen.add(head);
      decisions.push({
        label: plain[1]!.trim(),
        content: contentAfterLead(block, { kind: 'text', node: first, length: plain[0].length }, sourceText),
        position: positionOf(block),
      });
    } else if (AGREED.test(first.value)) {
      seen.add(head);
      const nodes = block.type === 'listItem' ? block.children : [block];
      const start = block.type === 'listItem' ? (head.position?.start.offset ?? 0) : (block.position?.start.offset ?? 0);
      decisions.push({
        content: { nodes, markdown: sourceText.slice(start, block.position?.end.offset).trim(), text: plainText(nodes) },
        position: positionOf(block),
      });
    }
  };
  visit(tree, (node) => {
    if (node.type === 'listItem' || node.type === 'paragraph') consider(node);
  });
  return decisions;
}
