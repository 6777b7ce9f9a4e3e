/**
 * Where a mention stands and the sentence around it: exact points in a paragraph over several
 * lines, and over random paragraphs the written name exactly at the reported points of the file.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { extractMentions } from '../../src/extract/mentions.ts';
import { NameMatcher } from '../../src/extract/name-matcher.ts';
import { parseFastMarkdown } from '../../src/parse/fast-markdown.ts';
import { createLocator } from '../../src/parse/locator.ts';
import { markdownProcessor } from '../../src/parse/processor.ts';

const matcher = new NameMatcher([
  { id: 'ospod', name: 'Orgán sociálně-právní ochrany dětí', short: 'OSPOD', aliases: [] },
  { id: 'nadeje', name: 'Naděje', aliases: [] },
]);

const parse = (text: string) => parseFastMarkdown(text) ?? (markdownProcessor.parse(text) as Root);
const mentionsOf = (text: string) => extractMentions(parse(text), matcher, new Map(), { text, locator: createLocator(text) });

describe('mentions', () => {
  it('stand at their line and column, with their sentence, in a paragraph over several lines', () => {
    const text = '# Zápis\n\nPracují ve spolupráci\ns OSPOD. Naděje má\n  nové místo? Ano,\n   s Nadějí.\n';
    expect(mentionsOf(text)).toEqual([
      { organization: 'ospod', written: 'OSPOD', context: 'Pracují ve spolupráci s OSPOD.', position: { line: 4, column: 3, endLine: 4, endColumn: 8 } },
      { organization: 'nadeje', written: 'Naděje', context: 'Naděje má nové místo?', position: { line: 4, column: 10, endLine: 4, endColumn: 16 } },
      // The continued line's indentation is not in the text node, but it is in the file.
      { organization: 'nadeje', written: 'Nadějí', context: 'Ano, s Nadějí.', position: { line: 6, column: 6, endLine: 6, endColumn: 12 } },
    ]);
  });

  it('stand exactly where the file has them, in any paragraph', () => {
    // One-word names: a mention never spans two lines. Continued lines are indented or not.
    const piece = fc.constantFrom('OSPOD', 'Naděje', 'slovo', 'jiné', ' ', ' ', '\n', '\n   ', '. ', '! ', '? ', ',', 'x.y');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 20 }), (pieces) => {
        const paragraph = pieces.join('').trim();
        const text = `Úvod.\n\n${paragraph}\n`;
        for (const mention of mentionsOf(text)) {
          const { line, column, endLine, endColumn } = mention.position;
          const lines = text.split('\n');
          // The written name stands at the reported points of the file.
          expect(endLine).toBe(line);
          expect(lines[line - 1]!.slice(column - 1, endColumn - 1)).toBe(mention.written);
          expect(mention.context).toContain(mention.written.replace(/\s+/g, ' '));
          expect(mention.context).not.toMatch(/^\s|\s$|\s{2}/);
          expect(mention.context.slice(0, -1)).not.toMatch(/[.!?]\s/);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
