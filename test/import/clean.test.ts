import { describe, expect, it } from 'vitest';
import { normalizeLine } from '../../src/import/clean/characters.ts';
import { cleanText } from '../../src/import/clean/clean-text.ts';
import { continuesAcrossBreak, joinAcrossBreak } from '../../src/import/clean/page-breaks.ts';

const groupNames = new Set(['Řídicí pracovní skupina', 'PS cizinci']);
const clean = (text: string) => cleanText(text, { isGroupName: (line) => groupNames.has(line) });

describe('the KPSS letterhead', () => {
  it.each([
    ['one word a line, spaced out', 'KOMUNITNÍ\nPLÁNOVÁNÍ\nSOCIÁLNÍCH\nS L U Ž E B\nR E G I O N U\nL I B E R E C'],
    ['one word a line, not spaced', 'KOMUNITNÍ\nPLÁNOVÁNÍ\nSOCIÁLNÍCH\nSLUŽEB\nREGIONU\nLIBEREC'],
    ['with blank lines between (Word paragraphs)', 'KOMUNITNÍ\n\nPLÁNOVÁNÍ\n\nSOCIÁLNÍCH\n\nSLUŽEB\n\nREGIONU\n\nLIBEREC'],
    ['on one line', 'KOMUNITNÍ PLÁNOVÁNÍ SOCIÁLNÍCH SLUŽEB REGIONU LIBEREC'],
    ['spaced out on one line', 'K O M U N I T N Í   P L Á N O V Á N Í   S O C I Á L N Í C H   S L U Ž E B'],
    ['in title case, without the region', 'Komunitní plánování\nsociálních služeb'],
  ])('is removed: %s', (_, header) => {
    expect(clean(`${header}\n\nZápis z jednání\nText.`).lines.filter(Boolean)).toEqual(['Zápis z jednání', 'Text.']);
  });

  it('takes the group name written under it, and tells it', () => {
    const result = clean('KOMUNITNÍ\nPLÁNOVÁNÍ\nSOCIÁLNÍCH\nSLUŽEB\nŘídicí pracovní skupina\n\nZápis z jednání');
    expect(result.lines.filter(Boolean)).toEqual(['Zápis z jednání']);
    expect(result.headerGroupLines).toEqual(['Řídicí pracovní skupina']);
  });

  it('keeps a sentence about community planning', () => {
    const text = 'Komunitní plánování sociálních služeb pokračuje novým plánem.';
    expect(clean(text).lines).toEqual([text]);
  });

  it('repeated on the next page, with a page number, does not break the text', () => {
    const text = [
      'KOMUNITNÍ\nPLÁNOVÁNÍ\nSOCIÁLNÍCH\nSLUŽEB\nPS cizinci',
      'Zápis z jednání',
      '- Naděje. U nich je stav beze změn a denní centrum funguje od 8 do 18 a',
      '',
      '1',
      '\fKOMUNITNÍ\nPLÁNOVÁNÍ\nSOCIÁLNÍCH\nSLUŽEB\nPS cizinci',
      '',
      'noclehárna pak od 18 do rána.',
      '- Návrat. Kapacita je plná.',
      'Strana 2 z 2',
    ].join('\n');
    const result = clean(text);
    expect(result.lines.filter(Boolean)).toEqual([
      'Zápis z jednání',
      '- Naděje. U nich je stav beze změn a denní centrum funguje od 8 do 18 a noclehárna pak od 18 do rána.',
      '- Návrat. Kapacita je plná.',
    ]);
    expect(result.headerGroupLines).toEqual(['PS cizinci', 'PS cizinci']);
  });

  it('inside a text copied out of a PDF viewer (no form feed) is a page break too', () => {
    const text = 'Zápis z jednání\nTéma bylo projednáno s\nKOMUNITNÍ\nPLÁNOVÁNÍ\nSOCIÁLNÍCH\nSLUŽEB\nREGIONU\nLIBEREC\nobčany.';
    expect(clean(text).lines).toEqual(['Zápis z jednání', 'Téma bylo projednáno s občany.']);
  });
});

describe('page furniture', () => {
  it('removes page numbers and a running footer at the pages’ edges only', () => {
    const page = (n: number, body: string) => `${body}\n\nKPSS Liberec – zápis ŘPS\n- ${n} -`;
    const text = [page(1, 'Zápis z jednání\nPrvní strana.'), page(2, 'Druhá strana.'), page(3, 'Třetí strana, bod 3.')].join('\f');
    expect(clean(text).lines.filter(Boolean)).toEqual(['Zápis z jednání', 'První strana.', 'Druhá strana.', 'Třetí strana, bod 3.']);
  });

  it('keeps a number that is part of the text', () => {
    expect(clean('Počet klientů:\n12\nKonec.').lines).toEqual(['Počet klientů:', '12', 'Konec.']);
  });
});

describe('a sentence broken by a page break', () => {
  it.each([
    ['goes on in lower case', 'patologií a v', 'horším případě k opětovné činnosti.', true],
    ['goes on after a comma', 'jednali jsme s Návratem,', 'Naďějí a Romodromem.', true],
    ['ended with a full stop', 'Kapacita je plná.', 'dále se jednalo o…', false],
    ['ended with a colon', 'Informace ASZ:', 'tým zůstal', false],
    ['a new point follows', 'text bez tečky', '- Návrat. Kapacita…', false],
    ['a new sentence follows', 'Příští jednání', 'Zpracoval: Lukáš Průcha', false],
  ])('%s', (_, before, after, joined) => {
    expect(continuesAcrossBreak(before, after)).toBe(joined);
  });

  it('a word hyphenated across the break is one word again', () => {
    expect(joinAcrossBreak('sociálně-', 'právní ochrana')).toBe('sociálně-právní ochrana');
    expect(joinAcrossBreak('patologií a v', 'horším')).toBe('patologií a v horším');
  });

  it('a break between two points adds no blank line', () => {
    expect(clean('- CIC. Nabízejí doučování.\f- ČvT. Milostivé léto.').lines).toEqual(['- CIC. Nabízejí doučování.', '- ČvT. Milostivé léto.']);
  });
});

describe('characters', () => {
  it('non-breaking and repeated spaces become one space; indentation stays; stray markers go', () => {
    expect(normalizeLine(' - výstupy z\u00a0konferencí  a\tzákony  ')).toBe(' - výstupy z konferencí a zákony');
    expect(normalizeLine('\tbod')).toBe('    bod');
    expect(normalizeLine('ko\u00admu\u200bnit\u00adní')).toBe('komunitní');
    expect(clean('Bod\n-\n\n- Další bod\n•').lines).toEqual(['Bod', '', '- Další bod']);
  });

  it('letters written as base and combining mark compare as one letter', () => {
    expect(normalizeLine('Nade\u030cje')).toBe('Naděje');
  });
});
