import { hasErrors } from '../diagnostics/diagnostic.ts';
import path from 'node:path';
import { analyzeArchive, type AnalyzedArchive } from '../pipeline/analyze-archive.ts';
import { DEFAULT_CACHE_DIR } from '../pipeline/cache.ts';
import { REPORT_FORMATS, formatDiagnostics, type ReportFormat } from '../report/index.ts';
import { parseOptions } from './main.ts';
import { resolveRoot } from './root.ts';
import { UsageError } from './usage.ts';

export async function runValidate(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'stylish' },
    root: { type: 'string' },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  });
  const format = values.format as string;
  if (!REPORT_FORMATS.includes(format as ReportFormat)) {
    throw new UsageError(`Neznámý formát „${format}“; povolené jsou: ${REPORT_FORMATS.join(', ')}.`);
  }
  const root = resolveRoot(values.root as string | undefined);
  // Extraction runs too: its warnings (an unknown organization's update, a meeting announced only
  // in the text) are the secretary's to see before the pull request, not after.
  const archive = await analyzeArchive(root, positionals, {
    diagnosticsOnly: true,
    cacheDir: values['no-cache'] ? undefined : path.resolve(root, (values['cache-dir'] as string | undefined) ?? DEFAULT_CACHE_DIR),
  });
  process.stdout.write(
    formatDiagnostics(format as ReportFormat, archive.diagnostics, {
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      checkedFiles: countChecked(archive),
    }),
  );
  return hasErrors(archive.diagnostics) ? 1 : 0;
}

function countChecked(archive: AnalyzedArchive): number {
  const files = new Set(archive.minutes.map((m) => m.parsed.source.path));
  for (const d of archive.diagnostics) files.add(d.file);
  return files.size;
}
