/**
 * Query stemming, the stems block of strategy B, the excerpt and the page texts of the search:
 * the pure parts, without Pagefind.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moreLabel, olderLabel, pluralCs, resultsStatus } from '../../src/search/client/messages.ts';
import { SITE_STRATEGY, STEMS_MARKER } from '../../src/search/config.ts';
import { buildExcerpt, realText } from '../../src/search/excerpt.ts';
import { bestStrategy, meetingIdOf, scoreQuery, summarize, type EvalQuery } from '../../src/search/evaluate.ts';
import { pageUrl } from '../../src/search/searchable-pages.ts';
import { pagefindRecord } from '../../src/search/pagefind-record.ts';
import { highlightTerms, pagefindQuery, prefixQuery, queryWords, stemQuery, wordMatches } from '../../src/search/query.ts';
import { indexStems, withStemsBlock } from '../../src/search/stems.ts';
import { stemCzech } from '../../src/text/czech-stemmer.ts';

describe('query words', () => {
  it('splits on white space, folds and keeps hyphenated words whole', () => {
    expect(queryWords('  Azylového   domu, ')).toEqual(['azyloveho', 'domu']);
    expect(queryWords('k-centrum')).toEqual(['kcentrum']);
    expect(queryWords('„Naděje“')).toEqual(['nadeje']);
    expect(queryWords(' , – ')).toEqual([]);
    expect(queryWords('')).toEqual([]);
  });
});

describe('query stemming', () => {
  // The forms from the issue: what a member types → what the minutes say.
  const conflated: [typed: string, written: string][] = [
    ['noclehárny', 'noclehárna'],
    ['noclehárny', 'noclehárně'],
    ['exekuce', 'exekucí'],
    ['azylového domu', 'azylovém domě'],
    ['Romodromu', 'Romodrom'],
    ['nadeje', 'Naděje'],
    ['nadeje', 'naději'],
    ['věznice', 've věznici'.split(' ')[1]!],
    ['Jablonce', 'Jablonci'],
    ['milostivého léta', 'Milostivé léto'],
  ];
  it.each(conflated)('"%s" and "%s" stem alike', (typed, written) => {
    expect(stemQuery(typed)).toBe(stemQuery(written));
  });

  it('stems every word of the query the way the index is stemmed', () => {
    expect(stemQuery('Azylového domu')).toBe('azyl dom');
    expect(stemQuery('noclehárny')).toBe(stemCzech('noclehárna'));
    expect(stemQuery('NADEJE')).toBe('nadj');
  });

  it('passes the query unchanged for plain Pagefind and stems it for A and B', () => {
    expect(pagefindQuery('  azylového   domu ', 'plain')).toBe('azylového domu');
    expect(pagefindQuery('azylového domu', 'query-stems')).toBe('azyl dom');
    expect(pagefindQuery('azylového domu', 'index-stems')).toBe('azyl dom');
    expect(pagefindQuery('', 'index-stems')).toBe('');
  });

  it('cuts words to the part they share with their stem for A′', () => {
    // stemCzech rewrites endings (naděje → nadj, věznice → veznik); no page word starts with those.
    expect(stemQuery('nadeje věznice')).toBe('nadj veznik');
    expect(prefixQuery('nadeje věznice')).toBe('nad vezni');
    expect(pagefindQuery('nadeje', 'query-prefix')).toBe('nad');
    expect(prefixQuery('APK')).toBe('apk');
  });

  it('the site uses strategy B', () => {
    expect(SITE_STRATEGY).toBe('index-stems');
  });
});

describe('highlighting', () => {
  it('drops one-letter words unless nothing else was typed', () => {
    expect(highlightTerms('Most k naději').map((t) => t.word)).toEqual(['most', 'nadeji']);
    expect(highlightTerms('k').map((t) => t.word)).toEqual(['k']);
  });

  it('matches inflected page words, with or without diacritics and punctuation', () => {
    const [nadeje] = highlightTerms('nadeje');
    expect(wordMatches('Naděje.', nadeje!)).toBe(true);
    expect(wordMatches('naději,', nadeje!)).toBe(true);
    expect(wordMatches('nádraží', nadeje!)).toBe(false);
    const [noclehárny] = highlightTerms('noclehárny');
    expect(wordMatches('noclehárně', noclehárny!)).toBe(true);
    expect(wordMatches('noclehárna', noclehárny!)).toBe(true);
    const [jablonce] = highlightTerms('Jablonce');
    expect(wordMatches('Jablonci', jablonce!)).toBe(true);
  });
});

describe('stems in the index (strategy B)', () => {
  it('adds only the stems that are no prefix of their word, every occurrence', () => {
    // "noclehárně" is found by its prefix "nocleharn" anyway; "Naděje" needs "nadj".
    expect(indexStems('Naděje vytvořila na noclehárně pokoj. Naděje!'.split(' '))).toEqual(['nadj', 'nadj']);
    expect(indexStems('ve věznici v Jablonci'.split(' '))).toEqual(['veznik', 'jablonk']);
    expect(indexStems([])).toEqual([]);
  });

  it('puts the stems of the indexed words after the marker, at the end of what Pagefind indexes', () => {
    const page =
      '<html lang="cs"><body><nav>Naděje menu</nav><article data-pagefind-body><h1>Zápis</h1><p>Naděje a věznice</p></article></body></html>';
    const { record, stems } = withStemsBlock(pagefindRecord(page)!);
    expect(stems).toBe(2);
    expect(record.content).toBe(`___PAGEFIND_AUTO_WEIGHT___7 Zápis. ___END_PAGEFIND_WEIGHT___ Naděje a věznice. ${STEMS_MARKER} nadj veznik.`);
    const { record: none, stems: noStems } = withStemsBlock(pagefindRecord('<html><body><main data-pagefind-body>Zápis</main></body></html>')!);
    expect(noStems).toBe(0);
    expect(none.content).toBe(`Zápis ${STEMS_MARKER}`);
  });
});


describe('excerpts', () => {
  const content =
    'Zápis z jednání 12. února 2018. Program. Naděje vytvořila na noclehárně jeden pokoj pro ženy. ' +
    'V odůvodněných případech umožňují přespat na noclehárně i bez příspěvku <klienta> & rodiny. ' +
    `${STEMS_MARKER} nadj nocleharn veznik`;

  it('never shows the stems block', () => {
    expect(realText(content)).not.toContain(STEMS_MARKER);
    const excerpt = buildExcerpt(content, 'nadeje');
    expect(excerpt.text).not.toMatch(/§|nadj|veznik/);
    expect(excerpt.html).toContain('<mark>Naděje</mark>');
  });

  it('marks the inflected words of the real text and escapes it', () => {
    const excerpt = buildExcerpt(content, 'noclehárny', 20);
    expect(excerpt.marked).toBe(2);
    expect(excerpt.html).toContain('<mark>noclehárně</mark>');
    expect(excerpt.html.startsWith('… ')).toBe(true);
    const escaped = buildExcerpt(content, 'klienta');
    expect(escaped.html).toContain('<mark>&lt;klienta&gt;</mark> &amp; rodiny.');
  });

  it('prefers the window with most of the query words', () => {
    const text = `${'slovo '.repeat(40)}Naděje. ${'slovo '.repeat(40)}Naděje má noclehárnu. ${'slovo '.repeat(40)}`;
    const excerpt = buildExcerpt(text, 'nadeje noclehárna', 10);
    expect(excerpt.text).toContain('Naděje má noclehárnu.');
  });

  it('falls back to the beginning of the text without a match', () => {
    const excerpt = buildExcerpt(content, 'xyz', 5);
    expect(excerpt.text).toBe('Zápis z jednání 12. února …');
    expect(excerpt.marked).toBe(0);
  });
});

describe('search page texts', () => {
  it('uses Czech plural forms', () => {
    expect([0, 1, 2, 4, 5, 11].map((n) => pluralCs(n, ['zápis', 'zápisy', 'zápisů']))).toEqual([
      'zápisů',
      'zápis',
      'zápisy',
      'zápisy',
      'zápisů',
      'zápisů',
    ]);
  });

  it('announces the number of results, the query and the filters', () => {
    expect(resultsStatus({ query: 'nadeje', total: 1, filters: [] })).toBe('Nalezen 1 zápis pro „nadeje“, od nejnovějšího.');
    expect(resultsStatus({ query: 'nadeje', total: 3, filters: ['rok 2021'] })).toBe(
      'Nalezeny 3 zápisy pro „nadeje“ (rok 2021), od nejnovějšího.',
    );
    expect(resultsStatus({ query: '', total: 12, filters: ['organizace Naděje'] })).toBe(
      'Nalezeno 12 zápisů (organizace Naděje), od nejnovějšího.',
    );
    expect(resultsStatus({ query: 'xyz', total: 0, filters: [] })).toBe(
      'Nenašli jsme žádný zápis pro „xyz“. Zkuste jiné nebo kratší slovo.',
    );
    expect(resultsStatus({ query: 'xyz', total: 0, filters: ['rok 2018'] })).toContain('Zkuste zrušit některý filtr.');
    expect(moreLabel(10, 15)).toBe('Zobrazit dalších 10 výsledků (zbývá 15)');
  });

  it('says which years or months are not searched yet while older shards wait', () => {
    expect(resultsStatus({ query: 'nadeje', total: 12, filters: [], unsearched: { first: '2000-01', last: '2015-12' } })).toBe(
      'Nalezeno 12 zápisů pro „nadeje“, od nejnovějšího. Zápisy z let 2000–2015 prohledáme, až si řeknete o další výsledky.',
    );
    expect(olderLabel({ first: '2009-01', last: '2009-12' })).toBe('Zobrazit další výsledky (prohledat i zápisy z roku 2009)');
    expect(olderLabel({ first: '2000-01', last: '2015-12' })).toBe('Zobrazit další výsledky (prohledat i zápisy z let 2000–2015)');
    // A busy year's index is cut into months: the rest of it is named by its months.
    expect(olderLabel({ first: '2000-01', last: '2021-06' })).toBe('Zobrazit další výsledky (prohledat i zápisy od ledna 2000 do června 2021)');
    expect(olderLabel({ first: '2021-03', last: '2021-03' })).toBe('Zobrazit další výsledky (prohledat i zápisy z března 2021)');
    expect(resultsStatus({ query: '', total: 5, filters: ['rok 2021'], unsearched: { first: '2021-01', last: '2021-07' } })).toBe(
      'Nalezeno 5 zápisů (rok 2021), od nejnovějšího. Zápisy od ledna 2021 do července 2021 prohledáme, až si řeknete o další výsledky.',
    );
  });
});

describe('evaluation arithmetic', () => {
  const query: EvalQuery = { query: 'x', expected: ['b', 'c'] };

  it('scores recall@10, reciprocal rank and unexpected results', () => {
    const outcome = scoreQuery(query, ['a', 'b', 'c'], ['b', 'a', 'c'], 'x');
    expect(outcome).toMatchObject({ recall: 1, hit: true, rr: 0.5, rrRelevance: 1, extra: 1 });
    expect(scoreQuery(query, ['b'], ['b'], 'x')).toMatchObject({ recall: 0.5, hit: false, rr: 1 });
    expect(scoreQuery(query, [], [], 'x')).toMatchObject({ recall: 0, hit: false, rr: 0 });
  });

  it('picks the strategy with the best recall, then MRR', () => {
    const good = summarize('index-stems', [scoreQuery(query, ['b', 'c'], ['b', 'c'], 'x')]);
    const worse = summarize('query-stems', [scoreQuery(query, ['a', 'b', 'c'], ['b', 'c'], 'x')]);
    const worst = summarize('plain', [scoreQuery(query, [], [], 'x')]);
    expect(bestStrategy([worst, worse, good])).toBe('index-stems');
  });

  it('maps result URLs to meeting ids under any base path', () => {
    expect(meetingIdOf('/zapisy/zapisy/2021-10-25-cizinci/')).toBe('2021-10-25-cizinci');
    expect(meetingIdOf('http://localhost:1/zapisy/2018-02-12-cizinci/#zapis')).toBe('2018-02-12-cizinci');
  });

  it('maps built files to site URLs', () => {
    expect(pageUrl('zapisy/2021-10-25-cizinci/index.html')).toBe('/zapisy/2021-10-25-cizinci/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});

describe('queries.json', () => {
  const file = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as { queries: EvalQuery[] };

  it('has at least 30 queries over the real minutes, each with expected meetings', () => {
    expect(file.queries.length).toBeGreaterThanOrEqual(30);
    const ids = new Set(['2018-02-12-cizinci', '2020-02-17-cizinci', '2021-10-25-cizinci']);
    for (const q of file.queries) {
      expect(q.query.trim()).not.toBe('');
      expect(q.expected.length).toBeGreaterThan(0);
      for (const id of q.expected) expect(ids.has(id), `${q.query}: ${id}`).toBe(true);
    }
  });

  it('includes the forms from the issue', () => {
    const queries = file.queries.map((q) => q.query);
    for (const q of ['noclehárny', 'exekuce', 'azylového domu', 'Romodromu', 'nadeje']) expect(queries).toContain(q);
  });
});
