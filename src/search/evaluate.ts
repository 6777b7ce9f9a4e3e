/**
 * Evaluation of the Czech search strategies on the real archive: `npm run search:eval`.
 *
 * Renders the real minutes into a temporary site, indexes it twice with real Pagefind (the pages as
 * they are, and with strategy B's stems), serves it on a localhost port and runs every query of
 * test/search/queries.json through Pagefind's own JS API (pagefind.js loaded in Node, search on the
 * main thread) under each strategy:
 *
 *   plain        the query as typed, clean index
 *   query-stems  (A) stemmed query, clean index
 *   query-prefix (A′) the part of each word it shares with its stem, clean index
 *   index-stems  (B) stemmed query, index with stems
 *
 * Results are ranked the way the site shows them (newest first, `sort: { datum: "desc" }`); MRR by
 * Pagefind's relevance is reported too. Options: --json <file> writes all numbers,
 * --root <dir> evaluates another archive, --queries <file> another query set.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildArchiveModel } from '../pipeline/build-model.ts';
import { startServer } from '../render/dev-server.ts';
import { renderSite } from '../render/render-site.ts';
import type { PagefindApi } from './client/pagefind-api.ts';
import { SITE_STRATEGY, SORT_KEY, STRATEGIES, type SearchStrategy } from './config.ts';
import { indexSite } from './index-site.ts';
import { pagefindQuery } from './query.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const QUERIES_FILE = path.join(REPO_ROOT, 'test/search/queries.json');

export const TOP_K = 10;

export interface EvalQuery {
  query: string;
  /** Meeting ids that must be among the first TOP_K results. */
  expected: string[];
  /** Where the minutes say it (for people reading the file). */
  text?: string;
}

export interface QueryOutcome {
  query: string;
  expected: string[];
  /** Meeting ids in the site's order (newest first). */
  results: string[];
  /** Meeting ids in Pagefind's relevance order. */
  byRelevance: string[];
  /** Share of expected meetings in the top TOP_K. */
  recall: number;
  /** All expected meetings in the top TOP_K. */
  hit: boolean;
  /** Reciprocal rank of the first expected meeting (site order / relevance order). */
  rr: number;
  rrRelevance: number;
  /** Results that are not expected. */
  extra: number;
  /** What was sent to Pagefind. */
  sent: string;
}

export interface StrategySummary {
  strategy: SearchStrategy;
  queries: number;
  hits: number;
  recallAt10: number;
  mrr: number;
  mrrRelevance: number;
  /** Mean number of unexpected results per query. */
  meanExtra: number;
  outcomes: QueryOutcome[];
}

export interface EvaluationResult {
  pagefindVersion: string;
  meetings: number;
  queries: number;
  summaries: StrategySummary[];
  best: SearchStrategy;
}

export async function loadQueries(file = QUERIES_FILE): Promise<EvalQuery[]> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { queries?: EvalQuery[] };
  if (!Array.isArray(parsed.queries)) throw new Error(`${file}: chybí pole "queries".`);
  return parsed.queries;
}

/** The meeting id of a result URL: "/zapisy/2021-10-25-cizinci/" → "2021-10-25-cizinci". */
export function meetingIdOf(url: string): string {
  const match = /\/zapisy\/([^/]+)\/?(?:[#?].*)?$/.exec(new URL(url, 'http://x').pathname);
  return match ? decodeURIComponent(match[1]!) : url;
}

export function scoreQuery(query: EvalQuery, results: string[], byRelevance: string[], sent: string): QueryOutcome {
  const top = results.slice(0, TOP_K);
  const found = query.expected.filter((id) => top.includes(id));
  const firstRank = (list: string[]) => {
    const index = list.findIndex((id) => query.expected.includes(id));
    return index >= 0 ? 1 / (index + 1) : 0;
  };
  return {
    query: query.query,
    expected: query.expected,
    results,
    byRelevance,
    recall: query.expected.length ? found.length / query.expected.length : 1,
    hit: found.length === query.expected.length,
    rr: firstRank(results),
    rrRelevance: firstRank(byRelevance),
    extra: results.filter((id) => !query.expected.includes(id)).length,
    sent,
  };
}

export function summarize(strategy: SearchStrategy, outcomes: QueryOutcome[]): StrategySummary {
  const mean = (f: (o: QueryOutcome) => number) => (outcomes.length ? outcomes.reduce((s, o) => s + f(o), 0) / outcomes.length : 0);
  return {
    strategy,
    queries: outcomes.length,
    hits: outcomes.filter((o) => o.hit).length,
    recallAt10: mean((o) => o.recall),
    mrr: mean((o) => o.rr),
    mrrRelevance: mean((o) => o.rrRelevance),
    meanExtra: mean((o) => o.extra),
    outcomes,
  };
}

/** Best by recall@10, then MRR, then fewer unexpected results. */
export function bestStrategy(summaries: StrategySummary[]): SearchStrategy {
  return [...summaries].sort(
    (a, b) => b.recallAt10 - a.recallAt10 || b.mrr - a.mrr || a.meanExtra - b.meanExtra,
  )[0]!.strategy;
}

/** Index for each strategy: A searches the same unchanged pages as plain Pagefind. */
const BUNDLES: Record<SearchStrategy, string> = {
  plain: 'pagefind-plain',
  'query-stems': 'pagefind-plain',
  'query-prefix': 'pagefind-plain',
  'index-stems': 'pagefind-stems',
};

export interface EvaluateOptions {
  root?: string;
  queries?: EvalQuery[];
  strategies?: readonly SearchStrategy[];
}

export async function evaluate(options: EvaluateOptions = {}): Promise<EvaluationResult> {
  const root = options.root ?? REPO_ROOT;
  const queries = options.queries ?? (await loadQueries());
  const strategies = options.strategies ?? STRATEGIES;
  const { model, diagnostics } = await buildArchiveModel(root);
  if (!model) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.message}`);
    throw new Error(`Archiv obsahuje chyby, web nelze sestavit:\n${errors.join('\n')}`);
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'kpss-search-eval-'));
  const site = path.join(work, 'site');
  try {
    await renderSite(model, { outDir: site, basePath: '/' });
    // One shard each: the evaluation ranks over the whole archive at once.
    const shardOf = new Map<string, string>();
    for (const strategy of ['plain', 'index-stems'] as const) {
      const indexed = await indexSite(site, { strategy, bundleDir: BUNDLES[strategy], client: false, shardPages: Number.POSITIVE_INFINITY });
      shardOf.set(BUNDLES[strategy], indexed.shards.length ? `${indexed.shards[0]}/` : '');
    }
    const server = await startServer({ root: site, basePath: '/' });
    try {
      const instances = new Map<string, PagefindApi>();
      const instance = async (bundle: string) => {
        let api = instances.get(bundle);
        if (!api) {
          const shard = shardOf.get(bundle) ?? '';
          api = (await import(pathToFileURL(path.join(site, bundle, shard, 'pagefind.js')).href)) as PagefindApi;
          await api.options({ basePath: `${server.url}${bundle}/${shard}`, baseUrl: '/' });
          await api.init();
          instances.set(bundle, api);
        }
        return api;
      };
      const summaries: StrategySummary[] = [];
      for (const strategy of strategies) {
        const api = await instance(BUNDLES[strategy]);
        const outcomes: QueryOutcome[] = [];
        for (const query of queries) {
          const sent = pagefindQuery(query.query, strategy);
          outcomes.push(scoreQuery(query, await ids(api, sent, true), await ids(api, sent, false), sent));
        }
        summaries.push(summarize(strategy, outcomes));
      }
      const version = JSON.parse(await readFile(path.join(REPO_ROOT, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string };
      return {
        pagefindVersion: version.version,
        meetings: model.meetings.length,
        queries: queries.length,
        summaries,
        best: bestStrategy(summaries),
      };
    } finally {
      await server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function ids(api: PagefindApi, term: string, byDate: boolean): Promise<string[]> {
  const response = await api.search(term || null, byDate ? { sort: { [SORT_KEY]: 'desc' } } : {});
  if (!response) return [];
  const data = await Promise.all(response.results.map((r) => r.data()));
  return data.map((d) => meetingIdOf(d.url));
}

const LABELS: Record<SearchStrategy, string> = {
  plain: 'plain Pagefind',
  'query-stems': 'A: query stems',
  'query-prefix': 'A′: query prefix',
  'index-stems': 'B: index stems',
};

/** The per-query table and the summary, as Markdown (pasted into docs/search.md). */
export function formatReport(result: EvaluationResult): string {
  const short = (id: string) => id.slice(0, 10);
  const lines: string[] = [];
  const heads = result.summaries.map((s) => LABELS[s.strategy]);
  lines.push(`| # | dotaz | očekávané zápisy | ${heads.join(' | ')} |`);
  lines.push(`|---|---|---|${heads.map(() => '---').join('|')}|`);
  result.summaries[0]?.outcomes.forEach((first, i) => {
    const cells = result.summaries.map((s) => {
      const o = s.outcomes[i]!;
      const mark = o.hit ? 'hit' : o.recall > 0 ? 'part' : 'MISS';
      return `${mark} ${o.results.length ? `(${o.results.map(short).join(', ')})` : '(–)'}`;
    });
    lines.push(`| ${i + 1} | ${first.query} | ${first.expected.map(short).join(', ')} | ${cells.join(' | ')} |`);
  });
  lines.push('');
  lines.push(`| strategie | hits (${result.queries}) | recall@${TOP_K} | MRR (od nejnovějších, jako web) | MRR (podle relevance) | navíc nalezených zápisů / dotaz |`);
  lines.push('|---|---|---|---|---|---|');
  for (const s of result.summaries) {
    lines.push(
      `| ${LABELS[s.strategy]}${s.strategy === result.best ? ' **(nejlepší)**' : ''} | ${s.hits} | ${s.recallAt10.toFixed(3)} | ${s.mrr.toFixed(3)} | ${s.mrrRelevance.toFixed(3)} | ${s.meanExtra.toFixed(2)} |`,
    );
  }
  lines.push('');
  lines.push(
    `Pagefind ${result.pagefindVersion}, ${result.meetings} zápisy, ${result.queries} dotazů; web používá strategii ${SITE_STRATEGY}` +
      (result.best === SITE_STRATEGY ? ' (nejlepší v tomto měření).' : `, ale nejlépe vyšla ${result.best}!`),
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { json: { type: 'string' }, root: { type: 'string' }, queries: { type: 'string' } },
    allowPositionals: false,
  });
  const queries = values.queries ? await loadQueries(path.resolve(values.queries)) : undefined;
  const result = await evaluate({ root: values.root ? path.resolve(values.root) : undefined, queries });
  process.stdout.write(`${formatReport(result)}\n`);
  if (values.json) await writeFile(path.resolve(values.json), `${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Vyhodnocení selhalo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
