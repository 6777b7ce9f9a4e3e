/**
 * The benchmark: one synthetic archive, every measurement on the same corpus in one run, each as a
 * separate child process so its memory is its own.
 *
 *   a) `minutes build`   cold (no cache, no previous site) and warm (one minute changed)
 *   b) `minutes validate` cold and warm
 *   c) the bare baseline: plain Eleventy 3 over the same Markdown with one layout, then the
 *      Pagefind CLI over its output
 *
 * plus the Pagefind bundle size and the bytes Chromium transfers for a first search.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BuildTimings } from '../cli/build.ts';
import { readShardRecordSync } from '../search/index-site.ts';
import { generateArchive } from './generate.ts';
import { measure, type Measurement } from './measure.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MINUTES_BIN = path.join(REPO_ROOT, 'bin', 'minutes.js');
const ELEVENTY_BIN = path.join(REPO_ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
const PAGEFIND_BIN = path.join(REPO_ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');

export interface FirstSearch {
  query: string;
  /** Bytes over the wire as GitHub Pages serves the site: text types gzip-compressed, headers included. */
  bytes: number;
  /** The same without compression. */
  rawBytes: number;
  requests: number;
  /** Of `bytes`, what came from the Pagefind bundle. */
  pagefindBytes: number;
  results: number;
  /** Every response, largest first: where the bytes go. */
  responses: { path: string; bytes: number }[];
}

export interface BenchOptions {
  minutes: number;
  groups?: number;
  seed?: number;
  /** Keep the temporary archive (default: removed at the end). */
  keep?: boolean;
  /** Measure the first search in Chromium (default: when /usr/bin/chromium or CHROMIUM_PATH exists). */
  browser?: boolean;
  /**
   * Measure the bare Eleventy + Pagefind baseline (default true). At 50,000 minutes the bare Pagefind
   * CLI alone needs ~12 GiB and most of the run's time; without it the report has no ratios.
   */
  baseline?: boolean;
  /**
   * Runs of each warm measurement, each after its own one-line change (default WARM_RUNS): the
   * report keeps the median run. A run of about a second moves by a fifth between two samples on
   * a shared machine.
   */
  warmRuns?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export const WARM_RUNS = 3;

export interface StageResult {
  label: string;
  seconds: number;
  peakRss: number;
  filesPerSecond: number;
  /** seconds / baseline seconds (builds only). */
  ratio?: number;
  exitCode: number;
  /** The build's own account of its stages (`minutes build --timings`). */
  timings?: BuildTimings | undefined;
  /** Wall times of every run of a repeated measurement; the other fields are the median run's. */
  runs?: number[];
}

export interface BenchReport {
  minutes: number;
  groups: number;
  corpusBytes: number;
  node: string;
  cpus: number;
  stages: StageResult[];
  /** Undefined when not measured (BenchOptions.baseline). */
  baseline: { eleventy: StageResult; pagefind: StageResult; total: StageResult } | undefined;
  pagefindBundleBytes: number;
  pagefindBundleFiles: number;
  firstSearch?: FirstSearch;
  /** Index shards of the built site, newest first. */
  shards: { id: string; pages: number }[];
  root?: string;
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const work = await mkdtemp(path.join(os.tmpdir(), 'kpss-bench-'));
  const root = path.join(work, 'archive');
  try {
    log(`generuji ${options.minutes} zápisů do ${root}`);
    const archive = await generateArchive({ root, minutes: options.minutes, groups: options.groups, seed: options.seed, repoRoot: REPO_ROOT });
    const n = archive.files.length;
    const cacheDir = path.join(root, '.cache', 'minutes');
    const out = path.join(root, '_site');
    const changed = path.join(root, archive.files[Math.floor(n / 2)]!);
    const warmRuns = Math.max(1, options.warmRuns ?? WARM_RUNS);
    let edits = 0;
    const touch = async () => appendFile(changed, `\nDoplněno po jednání (${++edits}).\n`);
    const minutes = (label: string, command: string, args: string[]) => run(label, process.execPath, [MINUTES_BIN, command, '--root', root, '--cache-dir', cacheDir, ...args], n, log);

    // The tool as `npm ci` leaves it (its `prepare` script): bundled, so the first measurement does
    // not include esbuild's ~0.6 s, which an install pays once and no check or build after it.
    prepareTool();
    await rm(cacheDir, { recursive: true, force: true });
    const validateCold = await minutes('validate cold', 'validate', ['--format', 'json']);
    const validateWarm = await medianRun(warmRuns, async () => {
      await touch();
      return minutes('validate warm', 'validate', ['--format', 'json']);
    });

    await rm(cacheDir, { recursive: true, force: true });
    const buildCold = await minutes('build cold', 'build', ['--out', out, '--timings']);
    const buildWarm = await medianRun(warmRuns, async () => {
      await touch();
      return minutes('build warm', 'build', ['--out', out, '--timings']);
    });

    const bundle = await folderSize(path.join(out, 'pagefind'));
    const shards = readShardRecordSync(path.join(out, 'pagefind'))?.shards ?? [];
    const firstSearch = options.browser ?? browserAvailable() ? await measureFirstSearch(out, log) : undefined;

    const bare = options.baseline === false ? undefined : await bareBaseline(work, root, n, log);
    if (bare) for (const stage of [buildCold, buildWarm, validateCold, validateWarm]) stage.ratio = stage.seconds / bare.total.seconds;

    return {
      minutes: n,
      groups: archive.groups.length,
      corpusBytes: archive.bytes,
      node: process.version,
      cpus: os.availableParallelism(),
      stages: [buildCold, buildWarm, validateCold, validateWarm],
      baseline: bare,
      pagefindBundleBytes: bundle.bytes,
      pagefindBundleFiles: bundle.files,
      shards: shards.map((shard) => ({ id: shard.id, pages: shard.pages })),
      firstSearch,
      root: options.keep ? root : undefined,
    };
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }
}

/** `measureOnce` `runs` times; the run of median wall time, with every run's time in `runs`. */
export async function medianRun(runs: number, measureOnce: () => Promise<StageResult>): Promise<StageResult> {
  const results: StageResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await measureOnce());
  const median = [...results].sort((a, b) => a.seconds - b.seconds)[Math.floor((results.length - 1) / 2)]!;
  return runs === 1 ? median : { ...median, runs: results.map((r) => r.seconds) };
}

async function run(label: string, command: string, args: string[], files: number, log: (line: string) => void, cwd?: string): Promise<StageResult> {
  log(`měřím: ${label}`);
  settleDisk();
  const m: Measurement = await measure(label, command, args, { cwd });
  // validate exits 1 when the archive has errors; the generated one has none, so anything else failed.
  if (m.exitCode !== 0) throw new Error(`${label} skončilo kódem ${m.exitCode}:\n${m.stderr.slice(-4000)}\n${m.stdout.slice(-2000)}`);
  log(`  ${m.seconds.toFixed(2)} s, ${(m.peakRss / 2 ** 20).toFixed(0)} MiB`);
  const timings = /^Fáze: .* (\{.*\})$/m.exec(m.stderr)?.[1];
  return {
    label,
    seconds: m.seconds,
    peakRss: m.peakRss,
    filesPerSecond: files / m.seconds,
    exitCode: m.exitCode,
    timings: timings ? (JSON.parse(timings) as BuildTimings) : undefined,
  };
}

function prepareTool(): void {
  const prepared = spawnSync(process.execPath, [MINUTES_BIN, 'prepare'], { encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`minutes prepare skončilo kódem ${prepared.status}:\n${prepared.stderr}`);
}

/** Plain Eleventy 3 with one layout over the same Markdown, then the Pagefind CLI over its output. */
async function bareBaseline(work: string, root: string, n: number, log: (line: string) => void): Promise<NonNullable<BenchReport['baseline']>> {
  const bare = path.join(work, 'bare');
  await mkdir(path.join(bare, '_includes'), { recursive: true });
  await writeFile(
    path.join(bare, '_includes', 'page.njk'),
    '<!doctype html>\n<html lang="cs"><head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body><main>\n<h1>{{ title }}</h1>\n{{ content | safe }}\n</main></body></html>\n',
  );
  await writeFile(
    path.join(bare, 'eleventy.config.mjs'),
    `export default function (config) {\n  config.addGlobalData('layout', 'page.njk');\n  config.setUseGitIgnore(false);\n  return { dir: { input: ${JSON.stringify(path.join(root, 'minutes'))}, includes: ${JSON.stringify(path.relative(path.join(root, 'minutes'), path.join(bare, '_includes')))}, output: ${JSON.stringify(path.join(bare, '_site'))} }, markdownTemplateEngine: false };\n}\n`,
  );
  const eleventy = await run('bare Eleventy', process.execPath, [ELEVENTY_BIN, '--config=eleventy.config.mjs', '--quiet'], n, log, bare);
  const pagefind = await run('bare Pagefind CLI', process.execPath, [PAGEFIND_BIN, '--site', path.join(bare, '_site'), '--force-language', 'cs', '--quiet'], n, log, bare);
  const seconds = eleventy.seconds + pagefind.seconds;
  const total: StageResult = { label: 'bare Eleventy + Pagefind', seconds, peakRss: Math.max(eleventy.peakRss, pagefind.peakRss), filesPerSecond: n / seconds, exitCode: 0 };
  return { eleventy, pagefind, total };
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Writes what the previous stages left in the page cache to disk before a stage starts: a cold
 * check writes ~1 GB of cache at 10,000 minutes, and the next stage measured while the kernel
 * wrote it back took 1.8 s instead of 1.2 s. Each stage pays for its own writes only.
 */
function settleDisk(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

function browserAvailable(): boolean {
  return existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
}

const SEARCH_QUERY = 'azylový dům';

/**
 * GitHub Pages compresses text responses (HTML, CSS, JavaScript, JSON, SVG, XML) with gzip; Pagefind's
 * own files (.pf_meta, .pf_index, .pf_fragment, .pagefind) are gzip already and served as they are.
 */
const COMPRESSED_BY_PAGES = /^(?:text\/|application\/(?:javascript|json|xml|atom\+xml)|image\/svg\+xml)/;

/** Opens /hledat/?q=… on a fresh browser profile and counts the bytes of every response until the results show. */
export async function measureFirstSearch(site: string, log: (line: string) => void): Promise<BenchReport['firstSearch']> {
  log('měřím: první vyhledávání v Chromiu');
  const [{ chromium }, { startServer }, { basePathOf }] = await Promise.all([import('playwright-core'), import('../render/dev-server.ts'), import('../render/urls.ts')]);
  const { parse } = await import('yaml');
  const config = parse(await readFile(path.join(site, '..', 'minutes.config.yaml'), 'utf8')) as { site: { base_url: string } };
  const basePath = basePathOf(config.site.base_url);
  const server = await startServer({ root: site, basePath, liveReload: false });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const sizes: Promise<{ url: string; bytes: number; rawBytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      sizes.push(
        (async () => {
          const [s, response] = await Promise.all([request.sizes(), request.response()]);
          const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
          const type = response?.headers()['content-type'] ?? '';
          const wire = COMPRESSED_BY_PAGES.test(type) ? gzipSync(body).length : body.length;
          return { url: request.url(), bytes: wire + s.responseHeadersSize, rawBytes: s.responseBodySize + s.responseHeadersSize };
        })(),
      );
    });
    await page.goto(`${server.url}hledat/?q=${encodeURIComponent(SEARCH_QUERY)}`);
    await page.waitForFunction(() => {
      const done = document.querySelector<HTMLElement>('[data-search-root]')?.dataset['searchDone'];
      return done !== undefined && done !== '0';
    }, undefined, { timeout: 60_000 });
    const results = await page.locator('[data-search-results] > li').count();
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    return {
      query: SEARCH_QUERY,
      bytes: all.reduce((s, r) => s + r.bytes, 0),
      rawBytes: all.reduce((s, r) => s + r.rawBytes, 0),
      requests: all.length,
      pagefindBytes: all.filter((r) => r.url.includes('/pagefind/')).reduce((s, r) => s + r.bytes, 0),
      results,
      responses: all.map((r) => ({ path: new URL(r.url).pathname, bytes: r.bytes })).sort((a, b) => b.bytes - a.bytes),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const MiB = 2 ** 20;

/** The report as a Markdown table, the form docs/performance.md records. */
export function formatReport(report: BenchReport): string {
  const row = (s: StageResult) =>
    `| ${s.label} | ${s.seconds.toFixed(2)} | ${(s.peakRss / MiB).toFixed(0)} | ${s.filesPerSecond.toFixed(0)} | ${s.ratio === undefined ? '' : `${s.ratio.toFixed(2)}×`} |`;
  const lines = [
    `N = ${report.minutes} zápisů, ${report.groups} skupin, ${(report.corpusBytes / MiB).toFixed(1)} MiB Markdownu (${(report.corpusBytes / report.minutes / 1024).toFixed(1)} KiB/zápis); Node ${report.node}, ${report.cpus} jádra`,
    '',
    '| měření | čas (s) | špička RSS (MiB) | souborů/s | poměr k základu |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...report.stages.map(row),
    ...(report.baseline ? [row(report.baseline.eleventy), row(report.baseline.pagefind), row({ ...report.baseline.total, ratio: 1 })] : []),
    ...repeatedRuns(report.stages),
    ...(report.baseline ? [] : ['', 'Základ (holé Eleventy + Pagefind CLI): neměřen (`--no-baseline`).']),
    '',
    `Balík Pagefind: ${(report.pagefindBundleBytes / 1024).toFixed(0)} KiB v ${report.pagefindBundleFiles} souborech, ${report.shards.length} ${report.shards.length === 1 ? 'oddíl' : 'oddílů'} (${report.shards.map((s) => `${s.id}: ${s.pages}`).join(', ')}).`,
    ...timingLines(report),
    // A blank line: GitHub would take the sentence right under a table for one more row of it.
    '',
    report.firstSearch
      ? `První vyhledávání („${report.firstSearch.query}“, ${report.firstSearch.results} výsledků na stránce): ${(report.firstSearch.bytes / 1024).toFixed(0)} KiB přenosu tak, jak web posílá GitHub Pages (gzip; bez komprese ${(report.firstSearch.rawBytes / 1024).toFixed(0)} KiB) ve ${report.firstSearch.requests} požadavcích, z toho Pagefind ${(report.firstSearch.pagefindBytes / 1024).toFixed(0)} KiB. Největší: ${largest(report.firstSearch.responses)}.`
      : 'První vyhledávání: neměřeno (Chromium není k dispozici).',
  ];
  return `${lines.join('\n')}\n`;
}

/** "Opakovaná měření (…), v tabulce medián: build warm 29.10 / 30.02 / 31.87 s; …" */
function repeatedRuns(stages: StageResult[]): string[] {
  const repeated = stages.filter((stage) => stage.runs);
  if (repeated.length === 0) return [];
  const runs = repeated.map((stage) => `${stage.label} ${stage.runs!.map((s) => s.toFixed(2)).join(' / ')} s`).join('; ');
  return ['', `Opakovaná měření (každý běh po změně jednoho zápisu), v tabulce medián: ${runs}.`];
}

/** "wasm.unknown.pagefind 55,4 kB, cs_f7ba18f.pf_index 24,2 kB, …": the six largest responses, bytes with headers. */
function largest(responses: FirstSearch['responses']): string {
  return responses
    .slice(0, 6)
    .map((r) => `${r.path.split('/').filter(Boolean).at(-1) ?? r.path} ${(r.bytes / 1000).toFixed(1).replace('.', ',')} kB`)
    .join(', ');
}

function timingLines(report: BenchReport): string[] {
  const timed = report.stages.filter((stage) => stage.timings);
  if (timed.length === 0) return [];
  const cell = (seconds: number) => seconds.toFixed(2);
  return [
    '',
    'Fáze sestavení podle `minutes build --timings` (s):',
    '',
    '| měření | analýza a model | vykreslení | vyhledávací index | celkem uvnitř procesu | špička RSS procesu po fázích (MiB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...timed.map((stage) => {
      const t = stage.timings!;
      const peaks = [t.peakRss.model, t.peakRss.render, t.peakRss.index].map((b) => (b / MiB).toFixed(0)).join(' / ');
      return `| ${stage.label} | ${cell(t.model)} | ${cell(t.render)} | ${cell(t.index)} | ${cell(t.total)} | ${peaks} |`;
    }),
  ];
}
