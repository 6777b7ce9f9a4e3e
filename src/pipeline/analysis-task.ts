/**
 * One file's analysis as a task of the analysis pool: analyzeFile, with its cache entries written
 * by the thread that made them. Only what the caller keeps travels back: a check (`minutes
 * validate`) gets the summary alone. At 10,000 minutes the main thread of a cold check had been
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

export async function runAnalysisTask(task: AnalysisTask, environment: AnalysisEnvironment, cache: FileCache | undefined): Promise<FileAnalysis> {
  const { file, shown, bytes } = task;
  const result = analyzeFile({ file, shown, bytes }, environment);
  if (cache && task.key) await storeAnalysis(cache, task.key, result);
  return task.summaryOnly ? { summary: result.summary } : result;
}
