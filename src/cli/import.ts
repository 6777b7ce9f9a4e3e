import path from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatOutcomes } from '../import/format-outcomes.ts';
import { importFiles } from '../import/import-files.ts';
import { loadRegisters } from '../registers/load-registers.ts';
import { projectPaths } from '../registers/project.ts';
import { formatStylish } from '../report/stylish.ts';
import { parseOptions } from './main.ts';
import { resolveRoot } from './root.ts';
import { UsageError } from './usage.ts';

/** `minutes import <soubory nebo složky…> [--group <id>] [--out <složka>] [--dry-run] [--force]` */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    group: { type: 'string' },
    out: { type: 'string' },
    root: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) {
    throw new UsageError('Chybí, co importovat: zadejte soubory (.txt, .md, .docx, .pdf) nebo složky s nimi.');
  }
  const root = resolveRoot(values.root as string | undefined);
  const paths = projectPaths(root);
  const registers = await loadRegisters(paths);
  if (hasErrors(registers.diagnostics)) {
    // Without sound registers no group or organization can be recognised: fix them first.
    process.stderr.write(formatStylish(registers.diagnostics, { color: false, checkedFiles: 0 }));
    return 1;
  }
  const group = values.group as string | undefined;
  if (group !== undefined && !registers.groups.has(group)) {
    throw new UsageError(`Neznámá skupina „${group}“; skupiny v minutes.config.yaml: ${[...registers.groups.keys()].join(', ')}.`);
  }
  const dryRun = Boolean(values['dry-run']);
  const outcomes = await importFiles({
    root,
    registers,
    inputs: positionals,
    outDir: values.out ? path.resolve(values.out as string) : paths.minutes,
    group,
    dryRun,
    force: Boolean(values.force),
  });
  process.stdout.write(formatOutcomes(outcomes, { dryRun, cwd: process.cwd() }));
  return outcomes.some((o) => o.status === 'failed' || o.invalid) ? 1 : 0;
}
