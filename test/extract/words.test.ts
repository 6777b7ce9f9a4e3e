/** The word scan reads text exactly as the regex it replaced, which stays here as the reference. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words, type Word } from '../../src/extract/words.ts';

const WORD = /[\p{L}\p{N}]+(?:[.\-'’][\p{L}\p{N}]+)*\.?/gu;

function regexWords(text: string, limit = Infinity): Word[] {
  const found: Word[] = [];
  if (limit <= 0) return found;
  for (const match of text.matchAll(WORD)) {
    let value = match[0];
    if (value.endsWith('.') && !value.slice(0, -1).includes('.')) value = value.slice(0, -1);
    found.push({ text: value, start: match.index, end: match.index + value.length });
    if (found.length >= limit) break;
  }
  return found;
}

// Letters of Czech and beyond, digits, the joiners, spaces, punctuation, an astral letter, an
// emoji, a combining mark and a lone surrogate.
const PIECES = ['a', 'Ž', 'ě', 'K', '7', '٣', 'ß', 'Ω', 'ж', '中', '.', '-', "'", '’', ' ', '\n', ',', '„', '“', '(', '𝒜', '😀', '\u0301', '\ud800', '..', 'o.p.s.', 'D.R.A.K.', 'k-centra', 'z. s.'];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('words', () => {
  it('gives the regex’s words for any text', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(words(text)).toEqual(regexWords(text));
    }), { numRuns: 3000 });
  });

  it('gives the regex’s first words for any limit', () => {
    fc.assert(fc.property(texts, fc.integer({ min: 0, max: 6 }), (text, limit) => {
      expect(words(text, limit)).toEqual(regexWords(text, limit));
    }), { numRuns: 2000 });
  });

  it('keeps inner dots, hyphens and apostrophes, and a final dot only of an abbreviation', () => {
    expect(words('Z D.R.A.K. a k-centra, o.p.s. Návrat.').map((w) => w.text)).toEqual(['Z', 'D.R.A.K.', 'a', 'k-centra', 'o.p.s.', 'Návrat']);
  });
});
