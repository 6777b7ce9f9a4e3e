/**
 * read → parse → validate → extract for the whole archive: everything `minutes validate` reports
 * and the model is built from. Each file is analysed on its own (analyze-file.ts): in this thread,
 * or in this thread and worker threads when enough files need it to pay for starting them. With a cache
 * (cache.ts) a file whose bytes, path, registers and tool are unchanged is not analysed again.
 *
 * The result does not depend on where a file was analysed or whether it came from the cache: the
 * same diagnostics in the same order, the same minutes, the same extracted data and HTML.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { FILE_START, compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { extractionContext } from '../extract/context.ts';
import type { ExtractedMinute } from '../extract/types.ts';
import type { ContentHtml } from '../model/minute-part.ts';
import type { RenderedText } from '../model/types.ts';
import { loadRegisters, type Registers } from '../registers/load-registers.ts';
import { displayPath, projectPaths, type ProjectPaths } from '../registers/project.ts';
import { validateArchive } from '../validate/validate-archive.ts';
import type { ValidatedMinute } from '../validate/validate-minute.ts';
import type { AnalysisWorkerData } from './analysis-worker.ts';
import { analyzeFile, type AnalysisEnvironment, type FileAnalysis, type FileBody, type FileInput, type FileSummary } from './analyze-file.ts';
import { FileCache, registerFiles, registersHash, toolVersion } from './cache.ts';
import { archiveTargets } from './archive-targets.ts';
import { mapConcurrently } from './map-concurrently.ts';
import { hydrateMinute } from './hydrate-minute.ts';
import { bundledWorker } from './worker-bundle.ts';
import { WorkerPool } from './worker-pool.ts';

export interface AnalyzedMinute {
  minute: ValidatedMinute;
  extracted: ExtractedMinute<ContentHtml>;
  /** The minute's body as the model shows it. */
  body: RenderedText;
}

export interface CheckedArchive {
  paths: ProjectPaths;
  registers: Registers;
  minutes: ValidatedMinute[];
  diagnostics: Diagnostic[];
}

export interface AnalyzedArchive extends CheckedArchive {
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

/** Files read (and cache entries written) at once. */
const IO_CONCURRENCY = 32;

interface Entry {
  file: string;
  shown: string;
  /** Undefined when the file does not exist. */
  bytes?: Uint8Array;
  key?: string;
  summary?: FileSummary;
  body?: FileBody;
}

export async function analyzeArchive(root: string, files?: readonly string[], options: AnalyzeOptions = {}): Promise<AnalyzedArchive> {
  const paths = projectPaths(root);
  const registers = await loadRegisters(paths);
  const targets = await archiveTargets(paths, files);
  const cache = options.cacheDir
    ? new FileCache(options.cacheDir, `${toolVersion()}\0${await registersHash(registerFiles(paths))}`)
    : undefined;
  const needBodies = options.needBodies ?? false;
  let environment: AnalysisEnvironment | undefined;
  const inProcess = (input: FileInput): FileAnalysis =>
    analyzeFile(input, (environment ??= { registers, paths, context: extractionContext(registers) }));

  const entries: Entry[] = targets.map((file) => ({ file, shown: displayPath(paths.root, file) }));
  await mapConcurrently(entries, IO_CONCURRENCY, async (entry) => {
    try {
      entry.bytes = await readFile(entry.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return;
    }
    if (!cache) return;
    entry.key = cache.keyOf(entry.shown, entry.bytes);
    entry.summary = await cache.get<FileSummary>(entry.key, 's');
    if (needBodies && entry.summary?.minute) entry.body = await cache.get<FileBody>(entry.key, 'b');
  });

  const misses = entries.filter((e) => e.bytes && (!e.summary || (needBodies && e.summary.minute && !e.body)));
  const threads = Math.min(options.threads ?? (misses.length >= MIN_FILES_FOR_WORKERS ? os.availableParallelism() : 1), misses.length);
  const pool = threads > 1 ? await analysisPool(threads - 1, { registers, paths }, inProcess) : undefined;
  try {
    // Files are taken in order and each result stored under its own entry: the order of the
    // diagnostics never depends on which thread finished first.
    await mapConcurrently(misses, pool ? IO_CONCURRENCY : 1, async (entry) => {
      const input: FileInput = { file: entry.file, shown: entry.shown, bytes: entry.bytes! };
      let result: FileAnalysis;
      try {
        result = pool ? await pool.run(input) : inProcess(input);
      } catch (error) {
        throw new Error(`${entry.shown}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      entry.summary = result.summary;
      entry.body = result.body;
      if (cache && entry.key) {
        await cache.put(entry.key, 's', result.summary);
        if (result.body) await cache.put(entry.key, 'b', result.body);
      }
    });
  } finally {
    await pool?.close();
  }

  const check: Diagnostic[] = [...registers.diagnostics];
  const extract: Diagnostic[] = [];
  const minutes: ValidatedMinute[] = [];
  const analyzed: AnalyzedMinute[] = [];
  for (const entry of entries) {
    if (!entry.bytes) {
      check.push(diagnose('file-not-found', entry.shown, FILE_START));
      continue;
    }
    const summary = entry.summary!;
    check.push(...summary.check);
    extract.push(...summary.extract);
    if (!summary.minute) continue;
    const minute = hydrateMinute(entry.shown, entry.bytes, summary.minute);
    minutes.push(minute);
    if (entry.body) {
      analyzed.push({ minute, ...entry.body });
      continue;
    }
    // A cache hit for `minutes validate`: the body is read only if something asks for it.
    const { key, file, shown, bytes } = entry;
    let body: FileBody | undefined;
    const loadBody = (): FileBody => {
      if (body) return body;
      body = cache?.getSync<FileBody>(key!, 'b');
      if (!body) {
        body = inProcess({ file, shown, bytes }).body;
        if (!body) throw new Error(`${shown}: the cached analysis does not match the file`);
        void cache?.put(key!, 'b', body);
      }
      return body;
    };
    analyzed.push({
      minute,
      get extracted() {
        return loadBody().extracted;
      },
      get body() {
        return loadBody().body;
      },
    });
  }
  check.push(...validateArchive(minutes));
  check.sort(compareDiagnostics);
  const diagnostics = [...check, ...extract].sort(compareDiagnostics);
  return { paths, registers, minutes, diagnostics, analyzed, checkDiagnostics: check };
}

async function analysisPool(
  workers: number,
  data: AnalysisWorkerData,
  inThread: (input: FileInput) => FileAnalysis,
): Promise<WorkerPool<FileInput, FileAnalysis>> {
  const module = new URL('./analysis-worker.ts', import.meta.url);
  return new WorkerPool({ module: (await bundledWorker(module)) ?? module, workers, data, inThread });
}
