/**
 * read → parse → validate → extract for the whole archive: everything `minutes validate` reports
 * and the model is built from. Each file is analysed on its own (analyze-file.ts): in this thread,
 * or in this thread and worker threads when enough files need it to pay for starting them. With a cache
 * (cache.ts) a file whose bytes, path, registers and tool are unchanged is not analysed again.
 *
 * The result does not depend on where a file was analysed or whether it came from the cache: the
 * same diagnostics in the same order, the same minutes, the same extracted data and HTML.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import os from 'node:os';
import { FILE_START, compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import type { ExtractedPart } from '../model/minute-part.ts';
import { storedText } from '../model/stored-text.ts';
import type { RenderedText } from '../model/types.ts';
import type { Registers } from '../registers/load-registers.ts';
import { displayPath, projectPaths, type ProjectPaths } from '../registers/project.ts';
import { validateArchive, type CheckedMinute } from '../validate/validate-archive.ts';
import type { ValidatedMinute } from '../validate/validate-minute.ts';
import type { AnalysisWorkerData } from './analysis-worker.ts';
import type { AnalysisEnvironment, FileAnalysis, FileBody, FileInput, FileSummary } from './analyze-file.ts';
import type { AnalysisTask, TaskResult } from './analysis-task.ts';
import { FileCache, cacheSalt } from './cache.ts';
import { cachedRegisters } from './cached-registers.ts';
import { storeAnalysis } from './store-analysis.ts';
import { htmlOfTextEntry, openJsonOf, openJsonOfTextEntry, parseTextEntry } from './text-entry.ts';
import { archiveTargets } from './archive-targets.ts';
import { mapConcurrently } from './map-concurrently.ts';
import { ARCHIVE_INDEX_CODEC, type IndexedFile } from './archive-index.ts';
import { StatIndex, statSignature, trustedStat, unchangedByStat } from './stat-index.ts';
import { hydrateMinute, hydrateValidatedMinute } from './hydrate-minute.ts';
import { bundledWorker } from './worker-bundle.ts';
import { WorkerPool } from './worker-pool.ts';

export interface AnalyzedMinute {
  minute: ValidatedMinute;
  extracted: ExtractedPart;
  /** The minute's text as the model shows it; a cached minute's is read only when asked for (stored-text.ts). */
  body: RenderedText;
}

export interface CheckedArchive {
  paths: ProjectPaths;
  registers: Registers;
  minutes: CheckedMinute[];
  diagnostics: Diagnostic[];
}

export interface AnalyzedArchive extends CheckedArchive {
  /** The minutes with their validated frontmatter, extracted data and body (none with `diagnosticsOnly`). */
  analyzed: AnalyzedMinute[];
  /** Of `diagnostics`, those of read, parse and validate (without the extraction warnings). */
  checkDiagnostics: Diagnostic[];
}

export interface AnalyzeOptions {
  /**
   * Folder of the per-file cache (absolute). Unchanged files are then neither parsed nor checked
   * again; the diagnostics and the model are the same as without it.
   */
  cacheDir?: string;
  /** The model will be built: load the extracted data and HTML of cached files too. */
  needBodies?: boolean;
  /**
   * Only the diagnostics are wanted (`minutes validate`): `analyzed` is left empty, and the parser,
   * the extractor and the HTML pipeline are loaded only when a file needs analysing, a third of a
   * warm validate's time otherwise.
   */
  diagnosticsOnly?: boolean;
  /**
   * Threads that analyse the files: this one and threads − 1 workers; 1 analyses in this thread
   * only. By default one per core when at least MIN_FILES_FOR_WORKERS files need analysing, else 1.
   */
  threads?: number;
}

/**
 * A worker costs about 1.5–2 s of CPU before it runs at full speed: 0.3 s to load the bundled
 * analysis code, the rest JIT warm-up over its first 50 files (measured on the 2-core machine,
 * 20–30 ms per generated minute). On two cores a second thread pays off once the files to analyse
 * take longer than that, from about 90 files; fewer are analysed in this thread alone.
 */
export const MIN_FILES_FOR_WORKERS = 100;

/** Files handed to the worker pool (and their cache entries written) at once. */
const IO_CONCURRENCY = 32;

interface Entry {
  file: string;
  shown: string;
  exists?: boolean;
  /** Read here only when the archive index knows the file but cannot vouch for it (else by the analysing thread, or later). */
  bytes?: Uint8Array;
  key?: string;
  /** The stat to remember in the archive index, when it can be trusted. */
  stat?: string;
  summary?: FileSummary;
  body?: FileBody;
  /** The text of a file analysed in this run (a cached one's stays in the cache). */
  text?: RenderedText;
}

export async function analyzeArchive(root: string, files?: readonly string[], options: AnalyzeOptions = {}): Promise<AnalyzedArchive> {
  const paths = projectPaths(root);
  const cache = options.cacheDir ? new FileCache(options.cacheDir, await cacheSalt(paths)) : undefined;
  const registers = await cachedRegisters(paths, cache);
  const targets = await archiveTargets(paths, files);
  const needBodies = options.needBodies ?? false;
  let analysis: AnalysisInThisThread | undefined;
  const loadAnalysis = async () => (analysis ??= await analysisInThisThread(registers, paths));
  const inProcess = (input: FileInput): FileAnalysis => analysis!.analyze(input);
  const taskInProcess = (task: AnalysisTask): TaskResult => analysis!.run(task, cache);

  const startedAt = Date.now();
  // The archive index: each minute's key and summary from the last run, in one file.
  const indexFile = cache ? new StatIndex<IndexedFile>(cache.dir, 'index', paths.root, cache.salt, ARCHIVE_INDEX_CODEC) : undefined;
  const index = indexFile?.read() ?? new Map<string, IndexedFile>();
  // Entries of the files as the last run found them stay; older ones may go.
  cache?.tidy(new Set(Array.from(index.values(), (known) => known.key)));
  const entries: Entry[] = targets.map((file) => ({ file, shown: displayPath(paths.root, file) }));
  const threadsFor = (files: number) => Math.min(options.threads ?? (files >= MIN_FILES_FOR_WORKERS ? os.availableParallelism() : 1), files);
  const workerCache = cache && { dir: cache.dir, salt: cache.salt, run: cache.run };
  const startPool = (threads: number) => analysisPool(threads - 1, { registers, paths, cache: workerCache }, taskInProcess);
  // Files the index does not know all need reading, most of them analysing: the workers start
  // loading now, while this thread looks at the files (a cold check: every file).
  const unknown = entries.filter((entry) => !index.has(entry.shown)).length;
  let pool = threadsFor(unknown) > 1 ? await startPool(threadsFor(unknown)) : undefined;
  try {
    // Synchronous on purpose: for thousands of small files it is several times cheaper than the
    // promise API, and nothing else runs yet.
    const lookAtFiles = () => {
      for (const entry of entries) {
        let stats: Stats;
        let signature: string;
        try {
          stats = statSync(entry.file);
          signature = statSignature(stats);
          const known = index.get(entry.shown);
          if (unchangedByStat(known, signature)) {
            entry.key = known!.key;
            entry.summary = known!.summary;
          } else if (known) {
            // An unknown file is read, keyed and looked up by the thread that analyses it (analysis-task.ts).
            entry.bytes = readFileSync(entry.file);
            if (cache) {
              entry.key = cache.keyOf(entry.shown, entry.bytes);
              entry.summary = known.key === entry.key ? known.summary : cache.getSync<FileSummary>(entry.key, 's');
            }
          }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          continue;
        }
        entry.exists = true;
        entry.stat = trustedStat(stats, startedAt, signature);
        if (needBodies && entry.key && entry.summary?.minute) entry.body = cache!.getSync<FileBody>(entry.key, 'b');
      }
    };
    if (cache) cache.reading(lookAtFiles);
    else lookAtFiles();

    const misses = entries.filter((e) => e.exists && (!e.summary || (needBodies && e.summary.minute && !e.body)));
    // A cached minute's body may still be asked for and analysed again (analyzed below).
    if (misses.length || !options.diagnosticsOnly) await loadAnalysis();
    if (!pool && threadsFor(misses.length) > 1) pool = await startPool(threadsFor(misses.length));
    // Files are taken in order and each result stored under its own entry: the order of the
    // diagnostics never depends on which thread finished first.
    cache?.startBatch();
    await mapConcurrently(misses, pool ? IO_CONCURRENCY : 1, async (entry) => {
      // Whichever thread analyses the file writes its cache entries; a check takes back only the summary.
      const { file, shown, bytes, key } = entry;
      const task: AnalysisTask = { file, shown, bytes, key: bytes ? key : undefined, summaryOnly: options.diagnosticsOnly ?? false, needBody: needBodies };
      let result: TaskResult;
      try {
        result = pool ? await pool.run(task) : taskInProcess(task);
      } catch (error) {
        throw new Error(`${entry.shown}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (result.gone) {
        entry.exists = false;
        return;
      }
      entry.key = result.key;
      entry.summary = result.summary;
      // A check makes no body (at 10,000 minutes the bodies were ~250 MB of a cold check's heap,
      // and making and storing them a fifth of its time); a build gets no text that the cache holds.
      entry.body = result.body;
      entry.text = result.text;
    });
  } finally {
    cache?.endBatch();
    await pool?.close();
  }
  // The workers' entries (a build reads their texts from the cache).
  if (pool) cache?.refresh();

  const check: Diagnostic[] = [...registers.diagnostics];
  const extract: Diagnostic[] = [];
  const minutes: CheckedMinute[] = [];
  const analyzed: AnalyzedMinute[] = [];
  for (const entry of entries) {
    if (!entry.exists) {
      check.push(diagnose('file-not-found', entry.shown, FILE_START));
      continue;
    }
    const summary = entry.summary!;
    check.push(...summary.check);
    extract.push(...summary.extract);
    if (!summary.minute) continue;
    const readBytes = () => bytesOf(entry);
    if (options.diagnosticsOnly) {
      minutes.push(hydrateMinute(entry.shown, readBytes, summary.minute));
      continue;
    }
    // The body (extracted data, frontmatter) of a cache hit is read only when something asks for
    // it, and a build (needBodies) has read every body already; the text is read only when a page
    // or the open data shows it (stored-text.ts).
    const { key, file, shown } = entry;
    const reanalyse = (): { body: FileBody; text: RenderedText } => {
      const bytes = bytesOf(entry);
      if (cache && key !== cache.keyOf(shown, bytes)) throw new Error(`${shown}: soubor se během sestavení změnil, spusťte sestavení znovu`);
      const { body, text } = inProcess({ file, shown, bytes });
      if (!body || !text) throw new Error(`${shown}: the cached analysis does not match the file`);
      if (cache && key) storeAnalysis(cache, key, { body, text });
      return { body, text };
    };
    const loadBody = (): FileBody => (entry.body ??= cache?.getSync<FileBody>(key!, 'b') ?? reanalyse().body);
    const storedEntry = () => cache!.getTextBytesSync(key!, 't') ?? Buffer.alloc(0);
    // Also a text analysed in this run stands in the model as stored, under the id the next build gives it.
    const text =
      key === undefined
        ? entry.text!
        : storedText({
            id: key,
            load: () => entry.text ?? parseTextEntry(storedEntry()) ?? reanalyse().text,
            openJson: () => (entry.text ? openJsonOf(entry.text) : openJsonOfTextEntry(storedEntry()) ?? openJsonOf(reanalyse().text)),
            html: () => entry.text?.html ?? htmlOfTextEntry(storedEntry()) ?? reanalyse().text.html,
          });
    const minute = hydrateValidatedMinute(shown, readBytes, summary.minute, () => loadBody().frontmatter);
    minutes.push(minute);
    analyzed.push({
      minute,
      get extracted() {
        return loadBody().extracted;
      },
      body: text,
    });
  }
  if (indexFile) await saveIndex(indexFile, index, entries, !files?.length);
  check.push(...validateArchive(minutes));
  check.sort(compareDiagnostics);
  const diagnostics = [...check, ...extract].sort(compareDiagnostics);
  return { paths, registers, minutes, diagnostics, analyzed, checkDiagnostics: check };
}

interface AnalysisInThisThread {
  analyze: (input: FileInput) => FileAnalysis;
  run: (task: AnalysisTask, cache: FileCache | undefined) => TaskResult;
}

/** analyzeFile for this thread, loaded on first need with what it depends on (the parsers, rehype). */
async function analysisInThisThread(registers: Registers, paths: ProjectPaths): Promise<AnalysisInThisThread> {
  const [{ analyzeFile }, { runAnalysisTask }, { extractionContext }] = await Promise.all([
    import('./analyze-file.ts'),
    import('./analysis-task.ts'),
    import('../extract/context.ts'),
  ]);
  const environment: AnalysisEnvironment = { registers, paths, context: extractionContext(registers) };
  return { analyze: (input) => analyzeFile(input, environment), run: (task, cache) => runAnalysisTask(task, environment, cache) };
}

function bytesOf(entry: Entry): Uint8Array {
  return (entry.bytes ??= readFileSync(entry.file));
}

/**
 * Saves the archive index when a file was added, removed, changed or first trusted by its stat.
 * A run over some files only (`minutes validate a.md`) updates their entries and keeps the others.
 */
async function saveIndex(indexFile: StatIndex<IndexedFile>, previous: Map<string, IndexedFile>, entries: readonly Entry[], wholeArchive: boolean): Promise<void> {
  const next = wholeArchive ? new Map<string, IndexedFile>() : new Map(previous);
  const same = (a: IndexedFile, b: Omit<IndexedFile, 'summary'>) => a.key === b.key && a.stat === b.stat;
  for (const { exists, shown, key, stat, summary } of entries) {
    if (!exists || !key || !summary) {
      next.delete(shown);
      continue;
    }
    // An unchanged file keeps its entry: 10,000 new ones would only be garbage.
    const known = previous.get(shown);
    next.set(shown, known && same(known, { key, stat }) ? known : { key, stat, summary });
  }
  await indexFile.save(next, same);
}

async function analysisPool(
  workers: number,
  data: AnalysisWorkerData,
  inThread: (task: AnalysisTask) => TaskResult,
): Promise<WorkerPool<AnalysisTask, TaskResult>> {
  return new WorkerPool({ module: (await analysisWorkerBundle()) ?? ANALYSIS_WORKER, workers, data, inThread });
}

const ANALYSIS_WORKER = new URL('./analysis-worker.ts', import.meta.url);

/** The analysis worker bundled for this version of the tool, built on first need (or by `minutes prepare`). */
export function analysisWorkerBundle(): Promise<URL | undefined> {
  return bundledWorker(ANALYSIS_WORKER);
}
