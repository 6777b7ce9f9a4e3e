/**
 * `npm run bench -- --minutes 1000 [--groups 40] [--seed 1] [--json] [--keep] [--no-browser] [--no-baseline]`
 * Prints the measured table (Markdown) or, with --json, the whole report.
 */
import { parseArgs } from 'node:util';
import { formatReport, runBench } from './run.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1000' },
    groups: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
  },
});

const report = await runBench({
  minutes: Number(values.minutes),
  groups: Number(values.groups),
  seed: Number(values.seed),
  keep: values.keep,
  browser: values['no-browser'] ? false : undefined,
  baseline: !values['no-baseline'],
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
