import type { List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { suggest } from '../text/suggest.ts';
import { contentAfterLead, headOf, introducedList, positionOf, spanning, type Lead } from './blocks.ts';
import type { NameMatcher } from './name-matcher.ts';
import { looksLikeOrganizationHead } from './organization-head.ts';
import type { ExtractedUpdate } from './types.ts';

export interface UpdatesResult {
  updates: ExtractedUpdate[];
  /** The blocks that are updates, with their organization: mentions inside them are not self-mentions. */
  updateBlocks: Map<Nodes, string>;
  diagnostics: Diagnostic[];
}

// A heading or paragraph that opens the part where organizations report: "Informace od jednotlivých
// organizací", "Informace členů".
const UPDATES_SECTION = /^\s*informace\s+(?:od\s+|z\s+)?(?:jednotliv\S+\s+)?(?:organizac|člen)/iu;

// "Informace ASZ:", "Informace od Naděje", "Informace z Návratu": the legacy way to introduce an update.
export const INFORMATION_PREFIX = /^informace\s+(?:(?:od|z|ze)\s+)?/i;

/**
 * Organization updates: a list item or paragraph that begins with an organization's name.
 * The convention for new minutes is the name in bold (`- **Naděje:** …`); the legacy shapes
 * ("Most k Naději. Novinkou je…", "Romodrom má…", "Informace ASZ:") are recognised as well.
 * Nested items of an update belong to it and are not updates of their own.
 */
export function extractUpdates(
  tree: Root,
  sourceText: string,
  file: string,
  matcher: NameMatcher,
  organizationNames: readonly string[],
  groups: NameMatcher,
): UpdatesResult {
  const result: UpdatesResult = { updates: [], updateBlocks: new Map(), diagnostics: [] };

  const visitList = (list: List, inUpdatesSection: boolean): void => {
    const unmatchedHeads: Array<{ item: ListItem }> = [];
    for (const item of list.children) {
      if (item.checked === true || item.checked === false) {
        visitChildren(item);
        continue;
      }
      const found = recognise(item);
      if (found) record(item, found);
      else {
        unmatchedHeads.push({ item });
        visitChildren(item);
      }
    }
    // A head that looks like an organization's name among siblings that are updates is reported,
    // never dropped silently: probably an organization missing from the register.
    if (inUpdatesSection || list.children.some((item) => result.updateBlocks.has(item))) {
      for (const { item } of unmatchedHeads) reportUnknown(item);
    }
  };

  const reportUnknown = (block: ListItem | Paragraph): void => {
    const head = candidateHead(block);
    // "Informace z ŘPS": a working group reporting, not an organization missing from the register.
    if (!head || groups.matchAtStart(head)) return;
    result.diagnostics.push(
      diagnose('unknown-organization-update', file, spanOf(block), { written: head, suggestion: suggest(head, organizationNames) }),
    );
  };

  const visitChildren = (node: Nodes): void => {
    if (!('children' in node)) return;
    let inUpdatesSection = false;
    let consumed: List | undefined;
    node.children.forEach((child, index) => {
      if (child === consumed) return;
      if (child.type === 'heading') inUpdatesSection = UPDATES_SECTION.test(toString(child));
      if (child.type === 'list') visitList(child, inUpdatesSection);
      // A list item's first paragraph is its head, already looked at; later paragraphs may be updates.
      else if (child.type === 'paragraph' && !(node.type === 'listItem' && index === 0)) {
        const found = recognise(child);
        if (found) {
          consumed = introducedList(child, found.lead, node.children[index + 1] as RootContent | undefined);
          record(child, found, consumed);
        } else if (UPDATES_SECTION.test(toString(child))) inUpdatesSection = true;
        else if (inUpdatesSection) reportUnknown(child);
      } else if (child.type === 'blockquote') visitChildren(child);
    });
  };

  const recognise = (block: ListItem | Paragraph): { organization: string; written: string; lead: Lead } | undefined => {
    const head = headOf(block);
    const first = head?.children[0];
    if (!head || !first) return undefined;
    if (first.type === 'strong') {
      const text = toString(first).replace(INFORMATION_PREFIX, '');
      const match = matcher.matchAtStart(text);
      if (!match) return undefined;
      const qualifier = text.slice(match.end).replace(/^[\s).:,;–—-]+|[\s.:,;–—-]+$/g, '');
      return {
        organization: match.id,
        written: match.written,
        lead: { kind: 'strong', node: first, ...(qualifier ? { qualifier } : {}) },
      };
    }
    if (first.type === 'text') {
      const prefix = INFORMATION_PREFIX.exec(first.value)?.[0] ?? '';
      const match = matcher.matchAtStart(first.value.slice(prefix.length));
      if (!match) return undefined;
      return {
        organization: match.id,
        written: match.written,
        lead: { kind: 'text', node: first, length: prefix.length + match.end },
      };
    }
    return undefined;
  };

  const record = (
    block: ListItem | Paragraph,
    found: { organization: string; written: string; lead: Lead },
    following?: List,
  ): void => {
    result.updateBlocks.set(block, found.organization);
    if (following) result.updateBlocks.set(following, found.organization);
    result.updates.push({
      organization: found.organization,
      written: found.written,
      content: contentAfterLead(block, found.lead, sourceText, following),
      position: following ? spanning(block, following) : positionOf(block),
    });
  };

  visitChildren(tree);
  return result;
}

function candidateHead(block: ListItem | Paragraph): string | undefined {
  const head = headOf(block);
  const first = head?.children[0];
  if (!first) return undefined;
  const isBold = first.type === 'strong';
  const text = isBold ? toString(first) : first.type === 'text' ? first.value : '';
  return looksLikeOrganizationHead(text.replace(INFORMATION_PREFIX, ''), isBold);
}

function spanOf(node: Nodes) {
  const p = positionOf(node);
  return { start: { line: p.line, column: p.column }, end: { line: p.endLine, column: p.endColumn } };
}
