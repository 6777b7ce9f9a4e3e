import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { extractionContext } from '../extract/context.ts';
import { extractMinute } from '../extract/extract-minute.ts';
import type { ExtractedMinute } from '../extract/types.ts';
import type { ValidatedMinute } from '../validate/validate-minute.ts';
import { checkArchive, type CheckedArchive } from './check-archive.ts';

export interface AnalyzedMinute {
  minute: ValidatedMinute;
  extracted: ExtractedMinute;
}

export interface AnalyzedArchive extends CheckedArchive {
  analyzed: AnalyzedMinute[];
}

/** read → parse → validate → extract: everything `minutes validate` reports and the model is built from. */
export async function analyzeArchive(root: string, files?: readonly string[]): Promise<AnalyzedArchive> {
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
