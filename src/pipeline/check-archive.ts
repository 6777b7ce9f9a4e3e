import { existsSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { parseMinute } from '../parse/parse-minute.ts';
import { discoverFiles } from '../read/discover.ts';
import { readSource } from '../read/read-source.ts';
import { loadRegisters, type Registers } from '../registers/load-registers.ts';
import { displayPath, projectPaths, type ProjectPaths } from '../registers/project.ts';
import { validateArchive } from '../validate/validate-archive.ts';
import { validateMinute, type ValidatedMinute } from '../validate/validate-minute.ts';

export interface CheckedArchive {
  paths: ProjectPaths;
  registers: Registers;
  minutes: ValidatedMinute[];
  diagnostics: Diagnostic[];
}

/** The minutes to check: the given files (and folders), or every Markdown file under minutes/. */
export async function archiveTargets(paths: ProjectPaths, files?: readonly string[]): Promise<string[]> {
  return files?.length
    ? discoverFiles(files.map((file) => path.resolve(file)), (name) => name.toLowerCase().endsWith('.md'))
    : existsSync(paths.minutes)
      ? discoverFiles([paths.minutes], (name) => name !== 'README.md')
      : [];
}

/**
 * read → parse → validate for the whole archive, or for the given files against its registers.
 * Every problem of every file is collected; nothing stops at the first.
 */
export async function checkArchive(root: string, files?: readonly string[]): Promise<CheckedArchive> {
  const paths = projectPaths(root);
  const registers = await loadRegisters(paths);
  const diagnostics: Diagnostic[] = [...registers.diagnostics];
  const targets = await archiveTargets(paths, files);
  const minutes: ValidatedMinute[] = [];
  for (const file of targets) {
    const read = await readSource(file, displayPath(paths.root, file));
    if (!read.ok) {
      diagnostics.push(...read.diagnostics);
      continue;
    }
    const parsed = parseMinute(read.source);
    diagnostics.push(...parsed.diagnostics);
    const { minute, diagnostics: problems } = validateMinute(parsed, registers, paths, file);
    diagnostics.push(...problems);
    if (minute) minutes.push(minute);
  }
  diagnostics.push(...validateArchive(minutes));
  diagnostics.sort(compareDiagnostics);
  return { paths, registers, minutes, diagnostics };
}
