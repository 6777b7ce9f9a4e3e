/**
 * The survey of the spare (spare.ts) in a worker thread, started before the view is built and
 * awaited when the spare is tidied. At 10,000 minutes the walk of its ~10,000 folders and the
 * identity of each page took the main thread of a warm build ~0.4 s, while the second core was idle.
 */
import { bundledWorker } from '../pipeline/worker-bundle.ts';
import { WorkerPool } from '../pipeline/worker-pool.ts';
import { surveySpare, type SpareFile } from './spare.ts';

export interface SurveyTask {
  dir: string;
  reserved: string[];
}

/** Resolves with surveySpare(dir, reserved), made in a worker thread, or in this one when no worker can run it. */
export async function surveySpareMeanwhile(dir: string, reserved: readonly string[]): Promise<SpareFile[]> {
  try {
    return await surveySpareInWorker(dir, reserved);
  } catch {
    return surveySpare(dir, new Set(reserved));
  }
}

/** surveySpare(dir, reserved) made in a worker thread; rejects when no worker can run it. */
export async function surveySpareInWorker(dir: string, reserved: readonly string[]): Promise<SpareFile[]> {
  const module = await spareSurveyWorkerBundle();
  // Through tsx a worker would take ~2 s to load: longer than the survey in this thread.
  if (!module) throw new Error('The spare survey could not be bundled for a worker.');
  const pool = new WorkerPool<SurveyTask, SpareFile[]>({ module, workers: 1, data: undefined });
  try {
    return await pool.run({ dir, reserved: [...reserved] });
  } finally {
    await pool.close();
  }
}

/** The spare survey's worker bundled for this version of the tool, built on first need (or by `minutes prepare`). */
export function spareSurveyWorkerBundle(): Promise<URL | undefined> {
  return bundledWorker(new URL('./spare-survey-worker.ts', import.meta.url));
}
