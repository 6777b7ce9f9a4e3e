/**
 * `npm run search:eval` in a test: real Pagefind (pagefind.js in Node) over the real archive, every
 * strategy on the same site. Guards the choice in SITE_STRATEGY: the site must use the strategy
 * the measurement finds best, and that strategy must find every expected meeting.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_STRATEGY } from '../../src/search/config.ts';
import { evaluate, formatReport, type EvaluationResult } from '../../src/search/evaluate.ts';

let result: EvaluationResult;

beforeAll(async () => {
  result = await evaluate();
}, 180_000);

const summary = (strategy: string) => result.summaries.find((s) => s.strategy === strategy)!;

describe('evaluation of the Czech search strategies (real minutes, real Pagefind)', () => {
  it('runs every query under plain Pagefind, A, A′ and B', () => {
    expect(result.summaries.map((s) => s.strategy)).toEqual(['plain', 'query-stems', 'query-prefix', 'index-stems']);
    expect(result.queries).toBeGreaterThanOrEqual(30);
    for (const s of result.summaries) expect(s.outcomes).toHaveLength(result.queries);
  });

  it('the site uses the best strategy, and it finds every expected meeting in the top 10', () => {
    expect(result.best).toBe(SITE_STRATEGY);
    const chosen = summary(SITE_STRATEGY);
    const misses = chosen.outcomes.filter((o) => !o.hit).map((o) => `${o.query}: ${o.results.join(', ') || 'nic'}`);
    expect(misses).toEqual([]);
    expect(chosen.recallAt10).toBe(1);
  });

  it('stemming beats plain Pagefind on inflected queries', () => {
    expect(summary('index-stems').recallAt10).toBeGreaterThan(summary('plain').recallAt10);
    expect(summary('query-stems').recallAt10).toBeGreaterThan(summary('plain').recallAt10);
  });

  it('prints a Markdown report', () => {
    const report = formatReport(result);
    expect(report).toContain('| # | dotaz | očekávané zápisy |');
    expect(report).toContain('recall@10');
    expect(report.split('\n').filter((line) => /^\| \d+ \|/.test(line))).toHaveLength(result.queries);
  });
});
