import type { Nodes, Root, Text } from 'mdast';
import type { Locator } from '../parse/locator.ts';
import { mapRange } from '../parse/value-range.ts';
import type { NameMatcher } from './name-matcher.ts';
import type { ExtractedMention } from './types.ts';

/**
 * Every place that names an organization outside the name that opens its own update:
 * "Pracují ve spolupráci s OSPOD" is a mention of OSPOD, kept apart from OSPOD's updates.
 */
export function extractMentions(
  tree: Root,
  matcher: NameMatcher,
  updateBlocks: ReadonlyMap<Nodes, string>,
  /** The file's text and its locator: a mention is placed in the source, whose lines a text node may have shortened. */
  source: { text: string; locator: Locator },
): ExtractedMention[] {
  const mentions: ExtractedMention[] = [];
  // `owner`: the organization of the innermost update the walk is in. Inside its own update an
  // organization's name is the update's subject, not a mention.
  const walk = (node: Nodes, owner: string | undefined): void => {
    if (node.type === 'text') mentionsIn(node, owner);
    else if ('children' in node) {
      const inner = updateBlocks.get(node) ?? owner;
      for (const child of node.children) walk(child, inner);
    }
  };
  const mentionsIn = (node: Text, owner: string | undefined): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    for (const match of matcher.findAll(node.value)) {
      if (match.id === owner) continue;
      const span = source.locator.spanOf(mapRange(node.value, source.text, start, end, match.start, match.end));
      mentions.push({
        organization: match.id,
        written: match.written,
        context: sentenceAround(node.value, match.start, match.end),
        position: { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column },
      });
    }
  };
  walk(tree, undefined);
  return mentions;
}

const SENTENCE_END = /[.!?](\s|$)/g;

function sentenceAround(text: string, start: number, end: number): string {
  // A backward scan: a search for /[^.!?]*$/ tries every start, quadratic in a long paragraph.
  let sentenceStart = start;
  while (sentenceStart > 0 && !isSentenceEnd(text.charCodeAt(sentenceStart - 1))) sentenceStart--;
  SENTENCE_END.lastIndex = end;
  const afterMatch = SENTENCE_END.exec(text);
  const sentenceEnd = afterMatch ? afterMatch.index + 1 : text.length;
  return text.slice(sentenceStart, sentenceEnd).replace(/\s+/g, ' ').trim();
}

/** `.`, `!` or `?`. */
function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f;
}
