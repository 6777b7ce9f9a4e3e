import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractionContext } from '../../src/extract/context.ts';
import { cleanText } from '../../src/import/clean/clean-text.ts';
import { convertDocument } from '../../src/import/convert-document.ts';
import { recogniseMinute } from '../../src/import/recognise/recognise-minute.ts';
import type { RecogniseContext } from '../../src/import/recognise/types.ts';
import { loadRegisters } from '../../src/registers/load-registers.ts';
import { projectPaths } from '../../src/registers/project.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
export const VARIANTS = path.join(FIXTURES, 'variants');
export const EXPECTED = path.join(FIXTURES, 'expected');
/** The real legacy minutes, in shared/ beside the repository (as in CI). */
export const LEGACY = path.resolve(ROOT, '..', 'shared', 'legacy-minutes');
/**
 * CI has shared/ beside the clone: there the real documents must be found, never skipped.
 * A developer's checkout without shared/ skips those tests, with the reason in the test name.
 */
export const LEGACY_REQUIRED = Boolean(process.env.CI);

let context: Promise<RecogniseContext> | undefined;

/** The archive's own registers (groups and organizations), loaded once per test file. */
export function archiveContext(): Promise<RecogniseContext> {
  context ??= loadRegisters(projectPaths(ROOT)).then((registers) => {
    const { organizations, groups } = extractionContext(registers);
    return { organizations, groups };
  });
  return context;
}

/** A document file → its minute, as `minutes import` would write it into the archive. */
export async function convert(file: string, group?: string) {
  const base = await archiveContext();
  return convertDocument(file, path.join(ROOT, 'minutes'), { ...base, ...(group ? { group } : {}) });
}

/** Text straight into recognition (clean → recognise), for the rules' own tests. */
export async function recogniseText(text: string, group?: string) {
  const base = await archiveContext();
  const isGroupName = (line: string) => {
    const match = base.groups.matchAtStart(line);
    return match !== undefined && line.slice(match.end).trim() === '';
  };
  return recogniseMinute(cleanText(text, { isGroupName }), { ...base, ...(group ? { group } : {}) });
}
