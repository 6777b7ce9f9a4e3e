/** A body's plain text is its HTML without tags, one line per block: the same as it was line by line. */
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { htmlOf } from '../../src/model/html.ts';
import { renderedText } from '../../src/model/minute-part.ts';
import { byReplacing, scannedText } from '../../src/model/text-of-html.ts';
import { markdownSamples } from '../parse/markdown-samples.ts';

/** The line-by-line reading the whole-text one replaced. */
function lineByLine(html: string): string {
  return html
    .replace(/<\/(p|li|h\d|tr|blockquote)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const textOf = (html: string) => renderedText({ markdown: '', text: '', html }).text;

const PIECES = [
  ...['<p>', '</p>', '<li>', '</li>', '<h2>', '</h2>', '</h7>', '<ul>', '</ul>', '<a href="x">', '<a title="a>b">', '</a>', '<br>', '</tr>', '</blockquote>', '</P>'],
  ...['<', '>', '<>', '<<p>', 'Naděje', 'azyl', 'x', 'amp;', 'lt;', 'quot;'],
  ...[' ', '  ', '\n', '\n\n', '\t', '\r', '\v', '\f', '\u00a0', '\u2028', '\u2029', '\u3000', '\ufeff', '\u200b', '\u0085'],
  ...['&amp;', '&lt;', '&#x26;', '&#x3C;', '&#X3c;', '&#xA0;', '&#x2028;', '&#x1F44D;', '&#x;', '&#x26', '&', '&#'],
];
const htmls = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

describe('the plain text of a body’s HTML', () => {
  it('is what the line-by-line reading gave, for any HTML', () => {
    fc.assert(
      fc.property(htmls, (html) => {
        expect(textOf(html)).toBe(lineByLine(html));
      }),
      { numRuns: 10000 },
    );
  });

  it('is read in one scan as the replacements read it, whenever the scan takes the HTML', () => {
    let scanned = 0;
    fc.assert(
      fc.property(htmls, (html) => {
        const text = scannedText(html);
        if (text === undefined) return;
        scanned++;
        expect(text).toBe(byReplacing(html));
      }),
      { numRuns: 10000 },
    );
    expect(scanned).toBeGreaterThan(1000);
  });

  it('is read in one scan for the HTML of every random document', () => {
    for (const markdown of markdownSamples(200, 5)) {
      const html = htmlOf(remark.parse(markdown).children);
      expect({ html, text: scannedText(html) }).toEqual({ html, text: byReplacing(html) });
    }
  });

  it('puts each block on a line of its own', () => {
    expect(textOf('<h2>Úkoly</h2>\n<ul>\n<li>Naděje  &amp; <a href="x">Návrat</a></li>\n<li> </li>\n</ul>')).toBe('Úkoly\nNaděje & Návrat');
    expect(textOf('<p>R&#x26;D &#x26;lt;b> a&#x3C;b</p>\n<p>\u00a0x\u2028y </p>')).toBe('R&D <b> a<b\nx y');
  });
});
