import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameMatcher, type NameMatch } from '../../src/extract/name-matcher.ts';
import { words } from '../../src/extract/words.ts';
import { looksLikeOrganizationHead } from '../../src/extract/organization-head.ts';

const matcher = new NameMatcher([
  { id: 'most-k-nadeji', name: 'Most k naději, z. s.', short: 'Most k naději', aliases: [] },
  { id: 'navrat', name: 'Návrat, o.p.s.', short: 'Návrat', aliases: [] },
  { id: 'nadeje', name: 'Naděje', aliases: [] },
  { id: 'romodrom', name: 'ROMODROM o.p.s.', short: 'Romodrom', aliases: [] },
  { id: 'kulk', name: 'Krajský úřad Libereckého kraje', short: 'KÚLK', aliases: ['KÚ'] },
  { id: 'ospod', name: 'Orgán sociálně-právní ochrany dětí', short: 'OSPOD', aliases: [] },
  { id: 'clovek-v-tisni', name: 'Člověk v tísni, o.p.s.', short: 'ČvT', aliases: ['Člověk v tísni'] },
]);

const ids = (text: string) => matcher.findAll(text).map((m) => m.id);

describe('recognising organizations in Czech text', () => {
  it.each([
    ['Naděje', 'nadeje'],
    ['Nadeje', 'nadeje'],
    ['NADĚJE', 'nadeje'],
    ['Naději', 'nadeje'],
    ['Návratu', 'navrat'],
    ['Návratem', 'navrat'],
    ['Romodromu', 'romodrom'],
    ['Most k Naději', 'most-k-nadeji'],
    ['Mostu k naději', 'most-k-nadeji'],
    ['OSPODem', 'ospod'],
    ['ČvT', 'clovek-v-tisni'],
    ['CvT', 'clovek-v-tisni'],
    ['Člověka v tísni', 'clovek-v-tisni'],
  ])('%s is %s', (written, id) => {
    expect(matcher.matchAtStart(`${written} má nové pracovníky.`)?.id).toBe(id);
  });

  it('tolerates a trailing qualifier', () => {
    expect(matcher.matchAtStart('Naděje DC + noclehárna Kateřinky - po materiální stránce')?.id).toBe('nadeje');
  });

  it.each([
    'Návrh rozpočtu byl schválen.',
    'Ku příkladu se probíralo bydlení.',
    'Mostem přes řeku.',
    'cvt je zkratka bez velkých písmen.',
    'Most a k tomu naději.',
    'Stále je naděje, že se to podaří.',
  ])('does not take an ordinary sentence for an organization: %s', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('finds every mention with where it stands', () => {
    const text = 'Pracují ve spolupráci s OSPOD a s Návratem; web spravuje KÚ.';
    expect(matcher.findAll(text).map(({ id, written, start }) => [id, written, start])).toEqual([
      ['ospod', 'OSPOD', 24],
      ['navrat', 'Návratem', 34],
      ['kulk', 'KÚ', 57],
    ]);
  });

  it('does not join a name across a sentence break', () => {
    expect(ids('Jdeme na most. K naději máme daleko.')).toEqual([]);
  });
});

/**
 * findAll as it was written first: every word of the text made, and a name tried at each word
 * (matchAtStart on the rest of the text), skipping the words of a match.
 */
function everyWordTried(text: string): NameMatch[] {
  const textWords = words(text);
  const found: NameMatch[] = [];
  for (let i = 0; i < textWords.length; i++) {
    const at = textWords[i]!.start;
    const match = matcher.matchAtStart(text.slice(at));
    if (!match) continue;
    found.push({ ...match, start: match.start + at, end: match.end + at });
    while (i + 1 < textWords.length && textWords[i + 1]!.start < match.end + at) i++;
  }
  return found;
}

describe('findAll over any text', () => {
  // Names and their inflections, words that start like them ("pro", "města", "Nadace"), joiners,
  // punctuation that breaks a name, letters beyond Latin and an astral one.
  const PIECES = [
    'Naděje', 'naděje', 'Naději', 'Nadace', 'Návratu', 'návrat', 'Most', 'mostu', 'k', 'K', 'naději', 'Romodromu', 'ROMODROM',
    'Krajský', 'krajského', 'úřad', 'Libereckého', 'kraje', 'KÚ', 'ku', 'KÚLK', 'OSPODem', 'ospod', 'Orgán', 'sociálně-právní',
    'ochrany', 'dětí', 'Člověk', 'v', 'tísni', 'ČvT', 'cvt', 'pro', 'města', 'o.p.s.', 'z.', 's.', '.', ',', ';', ':', '!', '-',
    "'", '’', '„', '“', 'ж', '𝒜', '\u0301', '2025',
    'Most k naději', 'Mostu k Naději', 'Krajský úřad Libereckého kraje', 'Člověk v tísni', 'Orgán sociálně-právní ochrany dětí',
  ];
  const text = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', ' ', '', '\n', '. ')), { maxLength: 14 })
    .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));

  it('finds what trying a name at every word finds', () => {
    fc.assert(fc.property(text, (value) => {
      expect(matcher.findAll(value)).toEqual(everyWordTried(value));
    }), { numRuns: 4000 });
  });
});

describe('a head that looks like an unknown organization', () => {
  it.each([
    ['Diakonie Liberec', true],
    ['Diakonie Liberec. Otevřeli poradnu.', false],
  ])('bold %s', (text, bold) => {
    expect(looksLikeOrganizationHead(text, bold)).toBe('Diakonie Liberec');
  });

  it.each([
    ['V současnosti se nevydává náhradní doklad.', false],
    ['Příští jednání 10.1. a 14.3.', false],
    ['Na téma vězeňství a blízcí vězněných osob', true],
    ['Bylo by dobré si vyjasnit, co APK mohou.', false],
  ])('not for an ordinary sentence: %s', (text, bold) => {
    expect(looksLikeOrganizationHead(text, bold)).toBeUndefined();
  });
});
