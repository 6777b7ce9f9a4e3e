import { buildArchiveModel } from '../pipeline/build-model.ts';
import { openDataChunks } from '../model/open-data.ts';
import { writeChunks } from '../render/open-data.ts';
import { formatStylish } from '../report/stylish.ts';
import { formatModelSummary } from '../report/summary-text.ts';
import { parseOptions } from './main.ts';
import { resolveRoot } from './root.ts';
import { UsageError } from './usage.ts';

const FORMATS = ['summary', 'json'] as const;

export async function runExtract(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    format: { type: 'string', default: 'summary' },
    root: { type: 'string' },
  });
  const format = values.format as string;
  if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
    throw new UsageError(`Neznámý formát „${format}“; povolené jsou: ${FORMATS.join(', ')}.`);
  }
  const { model, diagnostics } = await buildArchiveModel(resolveRoot(values.root as string | undefined));
  if (!model) {
    // The data are not extracted from an archive with errors: say what to fix instead.
    process.stderr.write(formatStylish(diagnostics, { color: Boolean(process.stderr.isTTY), checkedFiles: 0 }));
    return 1;
  }
  if (format === 'json') await writeChunks(openDataChunks(model), process.stdout);
  else process.stdout.write(formatModelSummary(model));
  return 0;
}
