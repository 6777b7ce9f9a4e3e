/** Folding by table gives what Unicode normalisation gives, for whole texts and their prefixes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldedPrefix } from '../../src/text/normalize.ts';

const reference = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const PIECES = ['a', 'Ž', 'ě', 'Ů', 'İ', 'ß', 'ǅ', 'Ω', 'Σ', 'ж', '中', 'e\u0301', '\u0301', '𝒜', '😀', 'ﬁ', '.', ' ', '7'];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('fold', () => {
  it('equals NFD without marks, lowercased', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(fold(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('folds a prefix as the prefix of the folded text', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 5 }), (text, length) => {
        expect(foldedPrefix(text, length)).toBe(reference(text).slice(0, length));
      }),
      { numRuns: 3000 },
    );
  });

  it('folds Czech', () => {
    expect(fold('Naděje ŽLUŤOUČKÝ')).toBe('nadeje zlutoucky');
    expect(foldedPrefix('Návratem', 3)).toBe('nav');
  });
});
