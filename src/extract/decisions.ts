import type { ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { contentAfterLead, headOf, introducedList, plainText, positionOf, spanning, type Lead } from './blocks.ts';
import type { ExtractedContent, ExtractedDecision } from './types.ts';

// The convention: a paragraph or list item opening with a bold "Usnesení:" (optionally numbered,
// "Usnesení č. 3/2024:", or with a subject, "Usnesení k financování:"), "Rozhodnutí:" or "Závěr:".
// Legacy minutes write the same without bold, a sentence opening with "Shodli jsme se" / "Dohodli
// jsme se", or a section headed "Usnesení" whose list items are the decisions.
const LABEL = /^\s*(?:usnesení|rozhodnutí|závěr)(?![\p{L}])/iu;
const PLAIN_LABEL = /^\s*((?:usnesení|rozhodnutí)(?:\s+č\.\s*[\p{L}\p{N}/.-]+)?|závěr)\s*:/iu;
const AGREED = /^\s*(?:shodli|dohodli)\s+jsme\s+se(?![\p{L}])/iu;
const SECTION = /^\s*(?:usnesení|rozhodnutí|závěry?)(?![\p{L}])/iu;

export function extractDecisions(tree: Root, sourceText: string): ExtractedDecision[] {
  const decisions: ExtractedDecision[] = [];

  const labelled = (block: ListItem | Paragraph, next: RootContent | undefined): boolean => {
    const head = headOf(block);
    const first = head?.children[0];
    if (!head || !first) return false;
    let lead: Lead | undefined;
    let label: string | undefined;
    if (first.type === 'strong' && LABEL.test(toString(first))) {
      lead = { kind: 'strong', node: first };
      label = toString(first).replace(/\s*:\s*$/, '').trim();
    } else if (first.type === 'text') {
      const plain = PLAIN_LABEL.exec(first.value);
      if (plain) {
        lead = { kind: 'text', node: first, length: plain[0].length };
        label = plain[1]!.trim();
      }
    }
    if (lead) {
      // "**Usnesení:**" on its own line with a list below: the list is what was decided.
      const following = block.type === 'paragraph' ? introducedList(block, lead, next) : undefined;
      decisions.push({
        ...(label ? { label } : {}),
        content: contentAfterLead(block, lead, sourceText, following),
        position: following ? spanning(block, following) : positionOf(block),
      });
      if (following) consumed.add(following);
      return true;
    }
    if (first.type === 'text' && AGREED.test(first.value)) {
      decisions.push({ content: whole(block, sourceText), position: positionOf(block) });
      return true;
    }
    return false;
  };

  const consumed = new Set<Nodes>();
  const walk = (node: Nodes, inSection: boolean): void => {
    if (!('children' in node)) return;
    let section = inSection;
    node.children.forEach((child, index) => {
      if (consumed.has(child)) return;
      const next = node.children[index + 1] as RootContent | undefined;
      if (child.type === 'heading') section = SECTION.test(toString(child));
      // Paragraphs under the heading are prose about the decisions; only labelled ones are decisions.
      else if (child.type === 'paragraph') labelled(child, next);
      else if (child.type === 'list') {
        for (const item of child.children) {
          if (labelled(item, undefined)) continue;
          // Under a heading "Usnesení" every item is a decision; elsewhere only labelled ones are.
          if (section && item.checked == null) decisions.push({ content: whole(item, sourceText), position: positionOf(item) });
          else walk(item, false);
        }
      } else if (child.type === 'blockquote') walk(child, section);
    });
  };
  walk(tree, false);
  return decisions;
}

function whole(block: ListItem | Paragraph, sourceText: string): ExtractedContent {
  const nodes: RootContent[] = block.type === 'listItem' ? block.children : [block];
  const start = nodes[0]?.position?.start.offset ?? block.position?.start.offset ?? 0;
  return { nodes, markdown: sourceText.slice(start, block.position?.end.offset).trim(), text: plainText(nodes) };
}
