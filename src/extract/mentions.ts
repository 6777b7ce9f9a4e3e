import type { Nodes, Root, Text } from 'mdast';
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
    const start = node.position?.start;
    if (!start || start.offset === undefined) return;
    for (const match of matcher.findAll(node.value)) {
      if (match.id === owner) continue;
      const point = pointAfter(start, node.value, match.start);
      const end = pointAfter(start, node.value, match.end);
      mentions.push({
        organization: match.id,
        written: match.written,
        context: sentenceAround(node.value, match.start, match.end),
        position: { line: point.line, column: point.column, endLine: end.line, endColumn: end.column },
      });
    }
  };
  walk(tree, undefined);
  return mentions;
}

function pointAfter(start: { line: number; column: number }, value: string, index: number) {
  const before = value.slice(0, index);
  const lines = before.split('\n');
  return lines.length === 1
    ? { line: start.line, column: start.column + index }
    : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

function sentenceAround(text: string, start: number, end: number): string {
  // A backward scan: a search for /[^.!?]*$/ tries every start, quadratic in a long paragraph.
  let sentenceStart = start;
  while (sentenceStart > 0 && !'.!?'.includes(text[sentenceStart - 1]!)) sentenceStart--;
  const afterMatch = /[.!?](\s|$)/.exec(text.slice(end));
  const sentenceEnd = afterMatch ? end + afterMatch.index + 1 : text.length;
  return text.slice(sentenceStart, sentenceEnd).replace(/\s+/g, ' ').trim();
}
