import path from 'node:path';
import { czechCount } from '../report/summary.ts';
import type { ImportOutcome } from './import-files.ts';

export interface FormatOptions {
  dryRun: boolean;
  /** Paths are shown relative to this folder (where the user ran the command). */
  cwd: string;
}

/**
 * For the person importing: per input, what it became, then the short list of what to check by
 * hand; a closing count. Plain text, no colour: it is read in a terminal and pasted into issues.
 */
export function formatOutcomes(outcomes: readonly ImportOutcome[], options: FormatOptions): string {
  const shown = (file: string) => {
    const relative = path.relative(options.cwd, file);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
  };
  const lines: string[] = [];
  for (const outcome of outcomes) {
    const target = outcome.target ? shown(outcome.target) : '';
    if (outcome.status === 'failed') lines.push(`✖ ${shown(outcome.input)}${target ? ` → ${target}` : ''}: ${outcome.error}`);
    else {
      const what = {
        written: options.dryRun ? 'zapsal by' : 'zapsáno',
        overwritten: options.dryRun ? 'přepsal by' : 'přepsáno',
        unchanged: 'beze změny',
      }[outcome.status];
      const mark = outcome.invalid ? '✖' : '✔';
      lines.push(`${mark} ${shown(outcome.input)} → ${target} (${what}${outcome.invalid ? ', neprošlo kontrolou' : ''})`);
    }
    if (outcome.review.length) {
      lines.push('  K revizi:');
      for (const note of outcome.review) lines.push(`  - ${note}`);
    }
  }
  lines.push(summary(outcomes, options.dryRun));
  return `${lines.join('\n')}\n`;
}

function summary(outcomes: readonly ImportOutcome[], dryRun: boolean): string {
  const count = (status: ImportOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const written = count('written') + count('overwritten');
  const failed = outcomes.filter((o) => o.status === 'failed' || o.invalid).length;
  const parts = [
    `${dryRun ? 'k zápisu' : 'zapsáno'}: ${written}`,
    `beze změny: ${count('unchanged')}`,
    `s chybou: ${failed}`,
  ];
  const prefix = dryRun ? 'Zkušební běh (--dry-run), nic nezapsáno. ' : '';
  return `${prefix}${czechCount(outcomes.length, 'dokument', 'dokumenty', 'dokumentů')}; ${parts.join(', ')}.`;
}
