import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { buildModel } from '../model/build-model.ts';
import type { ArchiveModel } from '../model/types.ts';
import { analyzeArchive, type AnalyzeOptions } from './analyze-archive.ts';

/**
 * read → parse → validate → extract → model. The model is undefined when any file has an error:
 * nothing is published from an archive that does not validate.
 */
export async function buildArchiveModel(
  root: string,
  options: AnalyzeOptions = {},
): Promise<{ model: ArchiveModel | undefined; diagnostics: Diagnostic[] }> {
  const archive = await analyzeArchive(root, undefined, { ...options, needBodies: true });
  if (hasErrors(archive.diagnostics) || !archive.registers.config) return { model: undefined, diagnostics: archive.diagnostics };
  const model = buildModel({ config: archive.registers.config, registers: archive.registers, analyzed: archive.analyzed });
  return { model, diagnostics: archive.diagnostics };
}
