/// <reference lib="dom" />
/**
 * The search page (/hledat/): a small accessible UI over Pagefind's JS API, bundled by indexSite
 * into assets/search.js and loaded as a file (the Content-Security-Policy allows no inline script).
 *
 * - The markup is in site-templates/hledat.njk; this script only fills and reveals it. Without
 *   JavaScript the page shows a note and links for browsing instead.
 * - /hledat/?q=…&skupina=…&rok=…&organizace=… runs that search when the page opens, and the URL
 *   follows the form as the member types (history.replaceState), so every search can be shared.
 * - The query is stemmed like the index was (strategy compiled in by indexSite); results are the
 *   meetings newest first, each with its group, date and an excerpt of the real text.
 */
import { BUNDLE_DIR, FILTER_NAMES, FILTERS, FIRST_PAGE_SIZE, MANIFEST_FILE, META_DATE, PAGE_SIZE, QUERY_PARAM, SITE_STRATEGY, shardFolder, type FilterName, type SearchManifest, type SearchStrategy } from '../config.ts';
import { buildExcerpt } from '../excerpt.ts';
import { pagefindQuery } from '../query.ts';
import { IDLE_STATUS, LOAD_ERROR, SEARCH_ERROR, moreLabel, olderLabel, resultsStatus } from './messages.ts';
import type { PagefindApi, PagefindFilters } from './pagefind-api.ts';
import { ShardedSearch, type ShardedResults } from './sharded-search.ts';

declare const __SEARCH_STRATEGY__: SearchStrategy | undefined;
const STRATEGY: SearchStrategy = typeof __SEARCH_STRATEGY__ === 'string' ? __SEARCH_STRATEGY__ : SITE_STRATEGY;

const DEBOUNCE_MS = 200;

const FILTER_LABELS: Record<FilterName, string> = {
  [FILTERS.group]: 'skupina',
  [FILTERS.year]: 'rok',
  [FILTERS.organization]: 'organizace',
};

const collator = new Intl.Collator('cs', { sensitivity: 'base', numeric: true });

interface Elements {
  root: HTMLElement;
  fallback: HTMLElement | null;
  form: HTMLFormElement;
  input: HTMLInputElement;
  selects: Map<FilterName, HTMLSelectElement>;
  reset: HTMLButtonElement | null;
  filters: HTMLDetailsElement | null;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

function findElements(): Elements | undefined {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  if (!root) return undefined;
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !status || !list || !more) return undefined;
  const selects = new Map<FilterName, HTMLSelectElement>();
  for (const name of FILTER_NAMES) {
    const select = root.querySelector<HTMLSelectElement>(`select[data-search-filter="${name}"]`);
    if (select) selects.set(name, select);
  }
  return {
    root,
    fallback: root.querySelector<HTMLElement>('[data-search-fallback]'),
    form,
    input,
    selects,
    reset: root.querySelector<HTMLButtonElement>('[data-search-reset]'),
    filters: root.querySelector<HTMLDetailsElement>('[data-search-filters]'),
    status,
    list,
    more,
  };
}

async function main(): Promise<void> {
  const el = findElements();
  if (!el) return;
  const base = normalizeBase(el.root.dataset['base'] ?? '/');

  const bundleUrl = `${base}${BUNDLE_DIR}/`;
  let pagefind: PagefindApi | undefined;
  let manifest: SearchManifest;
  try {
    const response = await fetch(`${bundleUrl}${MANIFEST_FILE}`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${MANIFEST_FILE}: HTTP ${response.status}`);
    manifest = (await response.json()) as SearchManifest;
    const newest = manifest.shards[0];
    if (newest) {
      pagefind = (await import(/* @vite-ignore */ `${bundleUrl}${shardFolder(newest)}pagefind.js`)) as PagefindApi;
      // Searching in the page itself is quick at these sizes and spares a phone Pagefind's worker script (12 KB).
      await pagefind.options({ baseUrl: base, noWorker: true });
      await pagefind.init();
    }
  } catch (error) {
    console.error('Pagefind se nepodařilo načíst:', error);
    const reason = el.fallback?.querySelector('[data-search-fallback-reason]');
    if (reason) reason.textContent = LOAD_ERROR;
    else if (el.fallback) el.fallback.textContent = LOAD_ERROR;
    return;
  }

  const sharded = new ShardedSearch(pagefind, manifest, bundleUrl, base);
  for (const [name, select] of el.selects) fillSelect(select, name, [...(manifest.filters[name] ?? [])]);
  readUrl(el);
  // Wide screens have room for the filters; on a phone they start folded under the search field.
  if (el.filters && window.matchMedia('(min-width: 40rem)').matches) el.filters.open = true;
  if (el.fallback) el.fallback.hidden = true;
  el.form.hidden = false;
  el.root.dataset['searchReady'] = '';

  let generation = 0;
  let walk: ShardedResults | undefined;
  let shown = 0;
  let currentQuery = '';
  let currentFilters: PagefindFilters = {};
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function run(): Promise<void> {
    clearTimeout(timer);
    const current = ++generation;
    const query = el!.input.value.trim();
    const term = query ? pagefindQuery(query, STRATEGY) : '';
    const filters = activeFilters(el!);
    updateReset(el!, filters);
    if (!term && Object.keys(filters).length === 0) {
      walk = undefined;
      shown = 0;
      el!.list.replaceChildren();
      el!.more.hidden = true;
      el!.status.textContent = IDLE_STATUS;
      el!.root.dataset['searchDone'] = '0';
      return;
    }
    el!.list.setAttribute('aria-busy', 'true');
    try {
      const started = sharded.start({ term: term || null, filters });
      await started.fill(FIRST_PAGE_SIZE);
      if (current !== generation) return;
      walk = started;
      shown = 0;
      currentQuery = query;
      currentFilters = filters;
      el!.list.replaceChildren();
      await showMore(current, false);
      if (current !== generation) return;
      el!.root.dataset['searchDone'] = String(current);
    } catch (error) {
      console.error('Hledání selhalo:', error);
      if (current === generation) el!.status.textContent = SEARCH_ERROR;
    } finally {
      if (current === generation) el!.list.removeAttribute('aria-busy');
    }
  }

  /** Appends the next page of results; `focusFirst` moves focus to the first new one (the button's keyboard users). */
  async function showMore(current: number, focusFirst: boolean): Promise<void> {
    const results = walk;
    if (!results) return;
    const size = shown === 0 ? FIRST_PAGE_SIZE : PAGE_SIZE;
    await results.fill(shown + size);
    const batch = results.results.slice(shown, shown + size);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (current !== generation) return;
    const items = data.map((d) => resultItem(d.url, d.meta, d.filters, buildExcerpt(d.content, currentQuery).html));
    el!.list.append(...items);
    shown += batch.length;
    const remaining = results.results.length - shown;
    const older = results.unsearched;
    el!.more.hidden = remaining <= 0 && !older;
    if (remaining > 0 && !older) el!.more.textContent = moreLabel(Math.min(PAGE_SIZE, remaining), remaining);
    else if (older) el!.more.textContent = olderLabel(older);
    el!.status.textContent = resultsStatus({ query: currentQuery, total: results.results.length, filters: describeFilters(currentFilters), unsearched: older });
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  }

  function schedule(): void {
    clearTimeout(timer);
    const term = el!.input.value.trim();
    if (term) void pagefind?.preload(pagefindQuery(term, STRATEGY)).catch(() => undefined);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  }

  el.input.addEventListener('input', () => {
    writeUrl(el);
    schedule();
  });
  for (const select of el.selects.values()) {
    select.addEventListener('change', () => {
      writeUrl(el);
      void run();
    });
  }
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    writeUrl(el);
    void run();
  });
  el.reset?.addEventListener('click', () => {
    for (const select of el.selects.values()) select.value = '';
    writeUrl(el);
    void run();
    el.input.focus();
  });
  el.more.addEventListener('click', () => {
    el.more.disabled = true;
    void showMore(generation, true).finally(() => {
      el.more.disabled = false;
    });
  });
  window.addEventListener('popstate', () => {
    readUrl(el);
    void run();
  });

  await run();
}

function fillSelect(select: HTMLSelectElement, name: FilterName, values: string[]): void {
  const sorted = name === FILTERS.year ? values.sort((a, b) => b.localeCompare(a)) : values.sort(collator.compare);
  for (const value of sorted) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = value;
    select.append(option);
  }
}

function activeFilters(el: Elements): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const [name, select] of el.selects) if (select.value) filters[name] = select.value;
  return filters;
}

function describeFilters(filters: PagefindFilters): string[] {
  return Object.entries(filters).map(([name, value]) => `${FILTER_LABELS[name as FilterName] ?? name} ${String(value)}`);
}

function updateReset(el: Elements, filters: PagefindFilters): void {
  const active = Object.keys(filters).length > 0;
  if (el.reset) el.reset.hidden = !active;
  // Filters that came with a shared link are shown, not hidden in the closed box.
  if (active && el.filters) el.filters.open = true;
}

/** Fills the form from the address: ?q=…&skupina=…&rok=…&organizace=… (unknown filter values are ignored). */
function readUrl(el: Elements): void {
  const params = new URLSearchParams(window.location.search);
  el.input.value = params.get(QUERY_PARAM) ?? '';
  for (const [name, select] of el.selects) {
    const value = params.get(name) ?? '';
    select.value = Array.from(select.options).some((o) => o.value === value) ? value : '';
  }
}

/** Keeps the address in step with the form, without adding history entries while typing. */
function writeUrl(el: Elements): void {
  const url = new URL(window.location.href);
  const params = new URLSearchParams();
  const query = el.input.value.trim();
  if (query) params.set(QUERY_PARAM, query);
  for (const [name, select] of el.selects) if (select.value) params.set(name, select.value);
  url.search = params.toString();
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

function resultItem(
  url: string,
  meta: Record<string, string | undefined>,
  filters: Record<string, string[]>,
  excerptHtml: string,
): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = url;
  link.textContent = meta['title'] ?? url;
  heading.append(link);

  const details = document.createElement('p');
  details.className = 'search-result__meta';
  const group = filters[FILTERS.group]?.[0];
  const date = meta[META_DATE];
  if (group) {
    const span = document.createElement('span');
    span.className = 'search-result__group';
    span.textContent = group;
    details.append(span);
  }
  if (date) {
    if (group) details.append(' · ');
    const span = document.createElement('span');
    span.className = 'search-result__date';
    span.textContent = date;
    details.append(span);
  }

  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.innerHTML = excerptHtml; // escaped by buildExcerpt, only <mark> added
  item.append(heading, details, excerpt);
  return item;
}

function normalizeBase(base: string): string {
  const inner = base.split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void main());
else void main();
