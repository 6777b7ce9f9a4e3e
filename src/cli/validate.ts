import { hasErrors } from '../diagnostics/diagnostic.ts';
import { checkArchive } from '../pipeline/check-archive.ts';
import { REPORT_FORMATS, formatDiagnostics, type ReportFormat } from '../report/index.ts';
import { parseOptions } from './main.ts';
import { resolveRoot } from './root.ts';
import { UsageError } from './usage.ts';

export async function runValidate(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'stylish' },
    root: { type: 'string' },
  });
  const format = values.format as string;
  if (!REPORT_FORMATS.includes(format as ReportFormat)) {
    throw new UsageError(`Neznámý formát „${format}“; povolené jsou: ${REPORT_FORMATS.join(', ')}.`);
  }
  const root = resolveRoot(values.root as string | undefined);
  const archive = await checkArchive(root, positionals);
  process.stdout.write(
    formatDiagnostics(format as ReportFormat, archive.diagnostics, {
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      checkedFiles: countChecked(archive),
    }),
  );
  return hasErrors(archive.diagnostics) ? 1 : 0;
}

function countChecked(archive: Awaited<ReturnType<typeof checkArchive>>): number {
  const files = new Set(archive.minutes.map((m) => m.parsed.source.path));
  for (const d of archive.diagnostics) files.add(d.file);
  return files.size;
}
