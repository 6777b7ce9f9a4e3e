/**
 * Pages go to Pagefind as records made by src/search/pagefind-record.ts instead of as HTML. The
 * index must be byte for byte the one Pagefind builds from the HTML itself: checked here against
 * Pagefind on the bundled archive, on a generated one, and on pages written to trip the parser up.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/build.ts';
import { htmlFilesUnder } from '../../src/render/link-files.ts';
import { STEMS_MARKER } from '../../src/search/config.ts';
import { REPO_ROOT } from '../../src/search/evaluate.ts';
import { pagefindInput } from '../../src/search/index-shard.ts';
import { indexSite } from '../../src/search/index-site.ts';
import { SearchIndexError } from '../../src/search/search-index-error.ts';
import { pageUrl, readPage } from '../../src/search/searchable-pages.ts';
import { pagefindRecord, recordWords, withBodyBlock } from '../../src/search/pagefind-record.ts';
import { generatedSite } from '../helpers/generated-site.ts';
import { pagefindHtml } from '../helpers/pagefind-html.ts';
import { snapshot } from '../site/support.ts';

interface Page {
  url: string;
  html: string;
}

/** The bundle Pagefind writes for `pages`, given as HTML (its parser) or as our records. */
async function bundle(pages: readonly Page[], as: 'html' | 'record', out: string): Promise<Record<string, string>> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'cs' });
  if (!index) throw new Error('Pagefind did not start');
  try {
    const responses = await Promise.all(
      pages.map((page) =>
        as === 'html'
          ? index.addHTMLFile({ url: page.url, content: pagefindHtml(page.html, 'index-stems', 'test') })
          : index.addCustomRecord({ url: page.url, language: 'cs', ...pagefindInput(page.html, 'index-stems', 'test').record }),
      ),
    );
    expect(responses.flatMap((response) => response.errors)).toEqual([]);
    const dir = path.join(out, as);
    await index.writeFiles({ outputPath: dir });
    return await snapshot(dir);
  } finally {
    await index.deleteIndex();
  }
}

function searchablePagesOf(site: string): Page[] {
  return htmlFilesUnder(site, new Set()).flatMap((file) => {
    const html = readFileSync(path.join(site, file), 'utf8');
    return readPage(file, Buffer.from(html)) ? [{ url: pageUrl(file), html }] : [];
  });
}

const TRICKY: Page[] = [
  {
    url: '/entities/',
    html: `<!doctype html><html lang="cs"><head><title>Titulek &amp; stránky</title></head><body>
<nav>Menu</nav><main><article data-pagefind-body data-pagefind-sort="datum:2021-10-25" data-pagefind-meta="datum:25.&nbsp;října 2021">
<h1 data-pagefind-meta="title"> Zápis &amp;
  jednání&nbsp;</h1>
<p>řekla &quot;ano&quot;</p><p>AT&amp;amp;T &lt;b&gt;</p><p>konec věty.</p><p>otázka?</p><p>číslo 42</p>
<p>w&#769;</p><p>pomlčka –</p><p>závorka (ano)</p><p>hvězda*</p><p>dolar$</p><p>apostrof'</p><p>mezera </p>
<table><caption>Tabulka</caption><tr><th>Kdo</th><th>Co</th></tr><tr><td>Naděje</td><td>noclehárna</td></tr></table>
<span>Odpovídá: Jana</span><span>Termín: 2. ledna</span>
<p>řádek<br>další<br/>řádek<img src="x.png" alt="obrázek">text</p>
<ul><li>jedna</li><li>dvě<ul><li>vnořená</li></ul></li></ul><ol><li>první</li></ol>
<blockquote><p>citace</p></blockquote><pre>kód  s   mezerami</pre><dl><dt>Datum</dt><dd>pondělí</dd></dl>
<h2 id="zapis">Zápis</h2><h3>Pod</h3><h4>Čtyři</h4><h5>Pět</h5><h6>Šest</h6>
<section><h2>Sekce</h2><p>text sekce</p></section>
<!-- komentář --><p>po komentáři</p>
</article></main><footer>Patička</footer></body></html>`,
  },
  {
    url: '/ignored/',
    html: `<html><body><div data-pagefind-body>
<div data-pagefind-ignore><span data-pagefind-filter="rok:2020"></span>skryté</div>
<div data-pagefind-ignore="index"><span data-pagefind-filter="skupina:A"></span>taky skryté</div>
<div data-pagefind-ignore="all"><span data-pagefind-filter="skupina:B"></span><span data-pagefind-meta="x:y"></span>vůbec</div>
<div data-pagefind-ignore="all"><nav><span data-pagefind-filter="skupina:C"></span></nav></div>
<form><label>Štítek</label><input value="x"></form><svg><text>svg</text></svg><template><p>šablona</p></template>
<noscript>bez skriptu</noscript><script>var x = "<p>ne</p>";</script><style>p { color: red }</style>
<iframe src="x"></iframe>
<p data-pagefind-weight="3">váha <strong>tři</strong> <h2>nadpis ve váze</h2></p>
<span data-pagefind-filter="organizace">Most k naději, z. s.</span>
<span data-pagefind-filter="rok, skupina:PS osob bez domova"></span>
<span data-pagefind-meta="autor">Jana  Nováková</span>
<span data-pagefind-filter='organizace:Člověk v tísni'></span><span data-pagefind-sort=datum:2020-01-01></span>
<P>VELKÁ písmena</P>
</div></body></html>`,
  },
  {
    url: '/bodies/',
    html: `<html><head><title>Jen titulek</title></head><body>
<p>před tělem</p>
<section>text kolem <div data-pagefind-body><p>první tělo</p></div> za tělem <b>tučně</b></section>
<aside>mezi těly</aside>
<div data-pagefind-body><p>druhé tělo<br></p></div>
po tělech</body></html>`,
  },
  {
    url: '/auto-title/',
    html: `<html><body><main data-pagefind-body><h1>Automatický <em>titulek</em></h1><p>text</p></main></body></html>`,
  },
];

describe('a page as a Pagefind record', () => {
  it('reads the searchable part as Pagefind does: sentences, heading weights, filters, sort and metadata', () => {
    const record = pagefindRecord(`<!doctype html><html><head><title>T</title><style>p{}</style></head><body>
      <nav>Menu</nav>
      <article class="minutes" data-pagefind-body data-pagefind-sort="datum:2021-10-25">
        <div hidden data-pagefind-ignore><span data-pagefind-filter="rok:2021"></span>skryté</div>
        <h1>Zápis z jednání</h1><p><strong>Naděje</strong>: noclehárna &amp; denní
centrum &#8211;	&#x10D;</p>
        <script>var naděje = 1;</script>
        <dl><div><dt>Stav</dt><dd>schválený</dd></div></dl>
      </article>
      <footer>Patička</footer></body></html>`);
    expect(record).toEqual({
      content: '___PAGEFIND_AUTO_WEIGHT___7 Zápis z jednání. ___END_PAGEFIND_WEIGHT___ Naděje: noclehárna & denní centrum – č Stav schválený',
      meta: { title: 'Zápis z jednání' },
      filters: { rok: ['2021'] },
      sort: { datum: '2021-10-25' },
    });
    expect(recordWords(record!)).toEqual(['Zápis', 'z', 'jednání.', 'Naděje:', 'noclehárna', '&', 'denní', 'centrum', '–', 'č', 'Stav', 'schválený']);
  });

  it('is undefined for a page without data-pagefind-body', () => {
    expect(pagefindRecord('<html><body><p>Text</p></body></html>')).toBeUndefined();
  });

  it('refuses the Pagefind attributes it does not read the way Pagefind does', () => {
    expect(() => pagefindRecord('<main data-pagefind-body><img data-pagefind-index-attrs="alt" alt="x"></main>')).toThrow('data-pagefind-index-attrs');
    expect(() => pagefindRecord('<main data-pagefind-body data-pagefind-default-meta="image:x.png"></main>')).toThrow('data-pagefind-default-meta');
  });

  it('adds a block of text as one more body element at the end of the page', () => {
    const record = { content: 'Text.', meta: {}, filters: {}, sort: {} };
    expect(withBodyBlock(record, `${STEMS_MARKER} nadj veznik`).content).toBe(`Text. ${STEMS_MARKER} nadj veznik.`);
    expect(withBodyBlock(record, `${STEMS_MARKER} `).content).toBe(`Text. ${STEMS_MARKER}`);
    expect(withBodyBlock(record, '')).toBe(record);
  });
});

describe('the index from records is the index Pagefind makes of the HTML', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-pagefind-record-'));
  });

  afterAll(async () => {
    await pagefind.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function expectSameBundle(pages: Page[], name: string): Promise<void> {
    const out = path.join(work, name);
    const fromHtml = await bundle(pages, 'html', out);
    expect(Object.keys(fromHtml).filter((file) => file.startsWith('fragment/'))).toHaveLength(pages.length);
    expect(await bundle(pages, 'record', out)).toEqual(fromHtml);
  }

  it('for pages written to trip the parser up', async () => {
    await expectSameBundle(TRICKY, 'tricky');
  }, 60_000);

  it('for every meeting page of the bundled archive', async () => {
    const site = path.join(work, 'bundled-site');
    const built = await buildSite({ root: REPO_ROOT, outDir: site, basePath: '/', index: false });
    expect(built.ok).toBe(true);
    const pages = searchablePagesOf(site);
    expect(pages.length).toBeGreaterThan(0);
    await expectSameBundle(pages, 'bundled');
  }, 120_000);

  it('a page it cannot read fails the index with the page named', async () => {
    const site = path.join(work, 'unreadable');
    await mkdir(path.join(site, 'zapisy/a'), { recursive: true });
    await writeFile(
      path.join(site, 'zapisy/a/index.html'),
      '<html><body><main data-pagefind-body data-pagefind-sort="datum:2021-01-01"><img data-pagefind-index-attrs="alt" alt="x"></main></body></html>',
    );
    const failed = await indexSite(site, { client: false }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(SearchIndexError);
    expect((failed as SearchIndexError).details).toEqual([expect.stringContaining('zapisy/a/index.html: atribut data-pagefind-index-attrs')]);
  }, 60_000);

  it('for every meeting page of a generated archive', async () => {
    const site = await generatedSite(path.join(work, 'generated'), { minutes: 120, groups: 6, seed: 11 }, { index: false });
    await expectSameBundle(searchablePagesOf(site), 'generated');
  }, 300_000);
});
