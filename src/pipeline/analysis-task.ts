/**
 * One file's analysis as a task of the analysis pool: analyzeFile, with its cache entries written
 * by the thread that made them. Only what the caller keeps travels back: a check (`minutes
 * validate`) gets the summary alone, a build the summary and the body (the text it reads from the
 * cache when it needs it). At 10,000 minutes the main thread of a cold check had been
 * writing every entry and taking every body and text from the worker, and the worker waited for it
 * about a third of the time.
 */
import { analyzeFile, type AnalysisEnvironment, type FileAnalysis, type FileInput } from './analyze-file.ts';
import type { FileCache } from './cache.ts';
import { storeAnalysis } from './store-analysis.ts';

export interface AnalysisTask extends FileInput {
  /** The file's cache key, when there is a cache. */
  key?: string;
  /** Only the summary comes back; the body and the text are for the cache. */
  summaryOnly: boolean;
}

export function runAnalysisTask(task: AnalysisTask, environment: AnalysisEnvironment, cache: FileCache | undefined): FileAnalysis {
  const { file, shown, bytes } = task;
  const result = analyzeFile({ file, shown, bytes }, environment);
  const stored = cache && task.key ? storeAnalysis(cache, task.key, result) : undefined;
  if (task.summaryOnly) return { summary: result.summary };
  // A text in the cache is read from there when a page or the open data shows it, as a cached
  // minute's is: it does not travel between threads nor stay in the heap (~180 MB at 10,000 minutes).
  if (stored?.textStored) return { summary: result.summary, body: result.body };
  return result;
}
