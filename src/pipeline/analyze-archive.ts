import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { extractionContext } from '../extract/context.ts';
import { extractMinute } from '../extract/extract-minute.ts';
import type { ExtractedMinute } from '../extract/types.ts';
import type { ValidatedMinute } from '../validate/validate-minute.ts';
import { analyzeArchiveCached } from './cached-archive.ts';
import { checkArchive, type CheckedArchive } from './check-archive.ts';

export interface AnalyzedMinute {
  minute: ValidatedMinute;
  extracted: ExtractedMinute;
}

export interface AnalyzedArchive extends CheckedArchive {
  analyzed: AnalyzedMinute[];
}

export interface AnalyzeOptions {
  /**
   * Folder of the per-file cache (absolute). Unchanged files are then neither parsed nor checked
   * again; the diagnostics and the model are the same as without it.
   */
  cacheDir?: string;
  /** The model will be built: load the Markdown trees and extracted data too (with a cache). */
  needBodies?: boolean;
}

/** read → parse → validate → extract: everything `minutes validate` reports and the model is built from. */
export async function analyzeArchive(root: string, files?: readonly string[], options: AnalyzeOptions = {}): Promise<AnalyzedArchive> {
  if (options.cacheDir) return analyzeArchiveCached(root, files, { cacheDir: options.cacheDir, needBodies: options.needBodies ?? false });
  const checked = await checkArchive(root, files);
  const context = extractionContext(checked.registers);
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const analyzed = checked.minutes.map((minute) => {
    const { extracted, diagnostics: problems } = extractMinute(minute, context);
    diagnostics.push(...problems);
    return { minute, extracted };
  });
  diagnostics.sort(compareDiagnostics);
  return { ...checked, analyzed, diagnostics };
}
