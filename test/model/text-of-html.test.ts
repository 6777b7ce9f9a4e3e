/** A body's plain text is its HTML without tags, one line per block: the same as it was line by line. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderedText } from '../../src/model/minute-part.ts';

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

const PIECES = ['<p>', '</p>', '<li>', '</li>', '<h2>', '</h2>', '<ul>', '</ul>', '<a href="x">', '</a>', '<br>', 'Naděje', 'azyl', ' ', '  ', '\n', '\n\n', '\t', '\r', '\u00a0', '\u2028', '&amp;', '&lt;', '&#x26;', '&#x3C;', '&#xA0;', 'x'];
const htmls = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('the plain text of a body’s HTML', () => {
  it('is what the line-by-line reading gave, for any HTML', () => {
    fc.assert(
      fc.property(htmls, (html) => {
        expect(textOf(html)).toBe(lineByLine(html));
      }),
      { numRuns: 5000 },
    );
  });

  it('puts each block on a line of its own', () => {
    expect(textOf('<h2>Úkoly</h2>\n<ul>\n<li>Naděje  &amp; <a href="x">Návrat</a></li>\n<li> </li>\n</ul>')).toBe('Úkoly\nNaděje & Návrat');
  });
});
