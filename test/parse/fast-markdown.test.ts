/**
 * The fast parse gives remark's tree or none: over random documents, a generated archive, the real
 * minutes and every fixture, each tree it gives must equal remark's (plain remark-gfm, positions
 * included), and it must take the minutes it is there for.
 */
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseFastMarkdown } from '../../src/parse/fast-markdown.ts';
import { generatedArchiveForTests, markdownFilesUnder } from '../helpers/generated-archive.ts';
import { markdownSamples } from './markdown-samples.ts';

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const REPO = path.resolve(import.meta.dirname, '../..');

/** The documents the fast parse took, each checked against remark. */
function expectRemarksTrees(documents: readonly string[]): { taken: number } {
  let taken = 0;
  for (const text of documents) {
    const fast = parseFastMarkdown(text);
    if (!fast) continue;
    taken++;
    // toStrictEqual would also tell undefined keys apart; JSON is what every later stage sees.
    expect({ text, tree: JSON.parse(JSON.stringify(fast)) }).toEqual({ text, tree: JSON.parse(JSON.stringify(remark.parse(text))) });
  }
  return { taken };
}

describe('fast Markdown parse', () => {
  it.each([1, 2, 3])('gives remark’s tree for every random document it takes (seed %i)', (seed) => {
    const { taken } = expectRemarksTrees(markdownSamples(4000, seed));
    expect(taken).toBeGreaterThan(100);
  });

  describe('on a generated archive', () => {
    const root = generatedArchiveForTests({ minutes: 300, seed: 7 });

    it('takes every minute and gives remark’s tree', async () => {
      const minutes = await markdownFilesUnder(path.join(root(), 'minutes'));
      expect(minutes.length).toBe(300);
      expect(expectRemarksTrees(minutes).taken).toBe(300);
    });
  });

  it('gives remark’s tree for the real minutes and every fixture it takes', async () => {
    const documents = [...(await markdownFilesUnder(path.join(REPO, 'minutes'))), ...(await markdownFilesUnder(path.join(REPO, 'test')))];
    const { taken } = expectRemarksTrees(documents);
    expect(taken).toBeGreaterThan(documents.length / 2);
  });

  it.each([
    ['a task, strong text and an autolink', '---\ntitle: x\n---\n\n- [ ] **Naděje.** Viz <https://kpss.cz/a> — @Jana Nová\n- [x] hotovo\n'],
    ['a loose list with an indented continuation', '1. první\n   řádek  \n   dál\n\n2. druhý\n\n   odstavec\n'],
    ['a closed ATX heading and a thematic break', '## Úkoly ##  \n\n---\n'],
  ])('takes %s', (_, text) => {
    expect(parseFastMarkdown(text)).toBeDefined();
    expectRemarksTrees([text]);
  });

  it.each([
    ['a table that interrupts a paragraph', 'text\n| a | b |\n| - | - |\n'],
    ['a list on the marker’s line', '* 3. dům\n'],
    ['an empty task marker', '+ [ ] \n'],
    ['an empty item', '1) \n'],
    ['a code span', 'kód `x`\n'],
    ['single-tilde strikethrough', 'a ~b~ c\n'],
    ['three delimiters', '***tučně a kurzívou***\n'],
    ['an intraword underscore', 'soubor x_y\n'],
    ['emphasis next to a typographic quote', '„**citace**“\n'],
    ['a bare URL', 'Web www.liberec.cz\n'],
    ['a bare https URL', 'Web https://liberec.cz/a\n'],
    ['a bare URL in strong text', '**Web https://liberec.cz/a**\n'],
    ['an image', 'Obrázek ![obr](a.png)\n'],
    ['an indented code block', '    kód\n'],
    ['a fenced code block', '```\nkód\n```\n'],
    ['a footnote', 'a[^1]\n\n[^1]: b\n'],
    ['an HTML comment', 'a <!-- x --> b\n'],
    ['an e-mail address', 'Pište jana@liberec.cz\n'],
    ['a block quote', '> citace\n'],
    ['a setext heading', 'Nadpis\n===\n'],
    ['HTML', '<div>x</div>\n'],
    ['an escape', 'a \\* b\n'],
    ['an entity', 'a &amp; b\n'],
    ['a reference link', '[odkaz][ref]\n\n[ref]: https://kpss.cz\n'],
    ['Windows line endings', 'a\r\nb\r\n'],
    ['a tab', '-\tpoložka\n'],
    ['an unterminated frontmatter', '---\ntitle: x\n'],
  ])('leaves %s to remark', (_, text) => {
    expect(parseFastMarkdown(text)).toBeUndefined();
  });
});
