import { analysisWorkerBundle } from '../pipeline/analyze-archive.ts';
import { spareSurveyWorkerBundle } from '../render/spare-survey.ts';
import { indexWorkerBundle } from '../search/index-thread.ts';
import { parseOptions } from './main.ts';
import { UsageError } from './usage.ts';

/**
 * `minutes prepare`, run by `npm ci` (the `prepare` script): bundles the worker threads, as
 * bin/minutes.js has bundled the CLI on its way here, so that the first check or build after an
 * install or an update does not wait for esbuild (~0.6 s). Never fails: without the bundles
 * the tool only starts slower, and builds them on first need.
 */
export async function runPrepare(args: string[]): Promise<number> {
  const { positionals } = parseOptions(args, {});
  if (positionals.length > 0) throw new UsageError(`Příkaz prepare nebere žádné argumenty (dostal „${positionals.join(' ')}“).`);
  // One after the other: each bundling stops esbuild's service when it is done.
  const bundles = [await analysisWorkerBundle(), await spareSurveyWorkerBundle(), await indexWorkerBundle()];
  process.stdout.write(
    bundles.every(Boolean)
      ? 'Nástroj je připraven (sbalený pro rychlé spuštění).\n'
      : 'Nástroj poběží, ale pomaleji: pracovní vlákna nešla sbalit (chybí esbuild nebo zápis do node_modules/.cache).\n',
  );
  return 0;
}
