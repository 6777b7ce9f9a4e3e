/** A worker thread of the analysis pool (analyze-archive.ts): runAnalysisTask for the files it is sent. */
import { extractionContext } from '../extract/context.ts';
import type { Registers } from '../registers/load-registers.ts';
import type { ProjectPaths } from '../registers/project.ts';
import type { AnalysisEnvironment } from './analyze-file.ts';
import { runAnalysisTask, type AnalysisTask, type TaskResult } from './analysis-task.ts';
import { FileCache } from './cache.ts';
import { poolData, serveTasks } from './worker-pool.ts';

export interface AnalysisWorkerData {
  registers: Registers;
  paths: ProjectPaths;
  /** The cache the worker writes its files' entries to. */
  cache?: { dir: string; salt: string; run: string };
}

const { registers, paths, cache } = poolData<AnalysisWorkerData>();
// The matchers are classes, which do not cross threads: each worker builds its own from the registers.
const environment: AnalysisEnvironment = { registers, paths, context: extractionContext(registers) };
const fileCache = cache ? new FileCache(cache.dir, cache.salt, cache.run) : undefined;
fileCache?.startBatch();

serveTasks<AnalysisTask, TaskResult>(
  (task) => runAnalysisTask(task, environment, fileCache),
  () => fileCache?.endBatch(),
);
