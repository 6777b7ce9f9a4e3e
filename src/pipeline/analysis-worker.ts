/** A worker thread of the analysis pool (analyze-archive.ts): analyzeFile for the files it is sent. */
import { extractionContext } from '../extract/context.ts';
import type { Registers } from '../registers/load-registers.ts';
import type { ProjectPaths } from '../registers/project.ts';
import { analyzeFile, type AnalysisEnvironment, type FileAnalysis, type FileInput } from './analyze-file.ts';
import { poolData, serveTasks } from './worker-pool.ts';

export interface AnalysisWorkerData {
  registers: Registers;
  paths: ProjectPaths;
}

const { registers, paths } = poolData<AnalysisWorkerData>();
// The matchers are classes, which do not cross threads: each worker builds its own from the registers.
const environment: AnalysisEnvironment = { registers, paths, context: extractionContext(registers) };

serveTasks<FileInput, FileAnalysis>((input) => analyzeFile(input, environment));
