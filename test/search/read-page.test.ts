/**
 * What the search index learns of a page (readPage) is kept for every page of the site until the
 * index is written. It must not keep the page's text with it.
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pipeline/collect-garbage.ts';
import { readPage } from '../../src/search/searchable-pages.ts';

/** A meeting page of ~900,000 characters (~1.8 MB in V8: it has Czech letters), different for each `n`. */
function page(n: number): Buffer {
  return Buffer.from(`<html><body><main data-pagefind-body><h1>Zápis ${n}</h1>
<span data-pagefind-sort="datum:2021-10-${String((n % 28) + 1).padStart(2, '0')}"></span>
<span data-pagefind-filter="skupina:PS osob bez domova"></span>
<span data-pagefind-filter="organizace:Most k naději, z. s."></span>
<p>${`Zpráva ${n}. `.repeat(80_000)}</p></main></body></html>`);
}

describe('readPage', () => {
  it('reads the month, the hash and the filters of a meeting page', () => {
    const read = readPage('zapisy/a/index.html', page(1));
    expect(read).toMatchObject({ yearMonth: 202110, filters: ['skupina:PS osob bez domova', 'organizace:Most k naději, z. s.'] });
    expect(read?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readPage('index.html', Buffer.from('<html><body><p>Úvod</p></body></html>'))).toBeUndefined();
  });

  it('keeps none of the page text: its filters are copies, not slices of the page', () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    // Kept as slices, the filters would keep the 60 pages alive: ~100 MB.
    const kept = Array.from({ length: 60 }, (_, n) => readPage(`zapisy/${n}/index.html`, page(n)));
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept).toHaveLength(60);
    expect(grown).toBeLessThan(10 * 2 ** 20);
  });
});
