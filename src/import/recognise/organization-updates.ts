import type { NameMatcher } from '../../extract/name-matcher.ts';
import { INFORMATION_PREFIX } from '../../extract/updates.ts';
import type { Block, ItemBlock } from './types.ts';

/**
 * Rewrites organization updates into the archive's convention: a list point that opens with the
 * organization's name in bold (`- **Most k Naději.** Novinkou je…`). The legacy shapes are the
 * ones the extract stage recognises: "Most k Naději. Novinkou…", "Romodrom má…", "Informace
 * ASZ:", as points or as paragraphs; a paragraph update becomes a point. Points nested in an
 * update belong to it and are never updates of their own ("ASZ je pod MMR" under "Informace ASZ:").
 */
export function markOrganizationUpdates(blocks: Block[], organizations: NameMatcher): Block[] {
  const result: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const lead = updateLead(block.text, organizations);
    if (!lead) {
      if (block.kind === 'item') block.children = markOrganizationUpdates(block.children, organizations);
      result.push(block);
      continue;
    }
    const item: ItemBlock =
      block.kind === 'item'
        ? { ...block, text: lead.text }
        : { kind: 'item', ordered: false, number: 0, text: lead.text, indent: block.indent, blankBefore: block.blankBefore, children: [] };
    // "Informace ASZ:" over a list: the list is what ASZ reported ("ASZ je pod MMR…" included),
    // up to a point that opens with another organization.
    if (block.kind === 'paragraph' && /:$/.test(lead.text.replace(/\*\*$/, ''))) {
      const belongs = (next: Block | undefined) =>
        next?.kind === 'item' && (updateLead(next.text, organizations)?.organization ?? lead.organization) === lead.organization;
      while (belongs(blocks[i + 1])) item.children.push(blocks[++i]!);
    }
    result.push(item);
  }
  return result;
}

export interface UpdateLead {
  /** The text with the lead in bold. */
  text: string;
  organization: string;
}

/**
 * The text with its leading organization name in bold, or undefined when it does not open with
 * one. The bold takes in "Informace" before the name and a full stop or colon after it, as a
 * secretary bolds a lead-in: "**Informace ASZ:**", "**Bílý kruh bezpečí.** Poskytuje…".
 */
export function updateLead(text: string, organizations: NameMatcher): UpdateLead | undefined {
  if (text.startsWith('**')) {
    const close = text.indexOf('**', 2);
    if (close < 0) return undefined;
    const match = organizations.matchAtStart(text.slice(2, close).replace(INFORMATION_PREFIX, ''));
    return match ? { text, organization: match.id } : undefined;
  }
  const prefix = INFORMATION_PREFIX.exec(text)?.[0] ?? '';
  const match = organizations.matchAtStart(text.slice(prefix.length));
  if (!match) return undefined;
  let end = prefix.length + match.end;
  // "Centrum na integraci cizinců (CIC" is matched without its closing bracket.
  while (text[end] === ')' && countOf(text.slice(0, end), '(') > countOf(text.slice(0, end), ')')) end++;
  if (/^[.:](?:\s|$)/.test(text.slice(end))) end++;
  return { text: `**${text.slice(0, end)}**${text.slice(end)}`, organization: match.id };
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}
