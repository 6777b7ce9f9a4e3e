import { analyzeArchive, type CheckedArchive } from './analyze-archive.ts';

/**
 * read → parse → validate for the whole archive, or for the given files against its registers:
 * analyzeArchive's own run, with the diagnostics of those stages only (no extraction warnings).
 */
export async function checkArchive(root: string, files?: readonly string[]): Promise<CheckedArchive> {
  const { paths, registers, minutes, checkDiagnostics } = await analyzeArchive(root, files, { diagnosticsOnly: true });
  return { paths, registers, minutes, diagnostics: checkDiagnostics };
}
