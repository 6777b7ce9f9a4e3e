/**
 * One file's analysis as a task of the analysis pool: analyzeFile, with its cache entries written
 * by the thread that made them. Only what the caller keeps travels back: a check (`minutes
 * validate`) gets the summary alone, which is all it makes, a build the summary and the body (the
 * text it reads from the cache when it needs it). At 10,000 minutes the main thread of a cold check had been
 * writing every entry and taking every body and text from the worker, and the worker waited for it
 * about a third of the time.
 *
 * A file the archive index does not know comes without its bytes: the thread that takes the task
 * reads it, keys it and looks in the cache first. A cold check of 10,000 minutes had read and
 * hashed them all in the main thread before any analysis began (1.2 s, the worker idle meanwhile).
 */
import { readFileSync } from 'node:fs';
import { analyzeFile, type AnalysisEnvironment, type FileAnalysis, type FileBody, type FileSummary } from './analyze-file.ts';
import type { FileCache } from './cache.ts';
import { storeAnalysis } from './store-analysis.ts';

export interface AnalysisTask {
  file: string;
  shown: string;
  /** The file's bytes when the caller has read them; without them this thread reads the file. */
  bytes?: Uint8Array;
  /** The file's cache key, when there is a cache and the caller has the bytes. */
  key?: string;
  /** Only the summary is made (a check): a build that follows makes the body and the text. */
  summaryOnly: boolean;
  /** A file read here is a cache hit only with its body too (the model will be built). */
  needBody: boolean;
}

/** The analysis (or the cache's), under the key of the bytes it is of; `gone` when the file was deleted meanwhile. */
export type TaskResult = (FileAnalysis & { key?: string; gone?: never }) | { gone: true };

export function runAnalysisTask(task: AnalysisTask, environment: AnalysisEnvironment, cache: FileCache | undefined): TaskResult {
  const { file, shown } = task;
  let { bytes, key } = task;
  if (!bytes) {
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { gone: true };
      throw error;
    }
    if (cache) {
      key = cache.keyOf(shown, bytes);
      const cached = cachedAnalysis(cache, key, task);
      if (cached) return { ...cached, key };
    }
  }
  const result = analyzeFile({ file, shown, bytes }, environment, { summaryOnly: task.summaryOnly });
  const stored = cache && key ? storeAnalysis(cache, key, result) : undefined;
  if (task.summaryOnly) return { summary: result.summary, key };
  // A text in the cache is read from there when a page or the open data shows it, as a cached
  // minute's is: it does not travel between threads nor stay in the heap (~180 MB at 10,000 minutes).
  if (stored?.textStored) return { summary: result.summary, body: result.body, key };
  return { ...result, key };
}

function cachedAnalysis(cache: FileCache, key: string, { summaryOnly, needBody }: AnalysisTask): FileAnalysis | undefined {
  const summary = cache.getSync<FileSummary>(key, 's');
  if (!summary) return undefined;
  if (!needBody || !summary.minute) return { summary };
  const body = cache.getSync<FileBody>(key, 'b');
  if (!body) return undefined;
  return summaryOnly ? { summary } : { summary, body };
}
