/**
 * The benchmark at a tiny N, so it cannot rot: every measurement is produced and the report is
 * well formed. No timing assertions: the figures belong to docs/performance.md, not to a test.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, formatReport, runBench, type BenchReport } from '../../src/bench/run.ts';
import { chromiumMissing } from '../helpers/browser.ts';

/** The report as GitHub shows it: the first cell of each row of each table, and the paragraphs. */
function shown(markdown: string): { rows: string[][]; paragraphs: string[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const tables = tree.children.filter((node): node is Table => node.type === 'table');
  return {
    rows: tables.map((table) => table.children.map((row) => toString(row.children[0]))),
    paragraphs: tree.children.filter((node) => node.type === 'paragraph').map((node) => toString(node)),
  };
}

describe('npm run bench (N = 30)', () => {
  it('measures build, validate and the bare baseline on one corpus and reports them', async () => {
    const report = await runBench({ minutes: 30, groups: 6, browser: !chromiumMissing(), warmRuns: 3 });
    expect(report.minutes).toBe(30);
    expect(report.corpusBytes / report.minutes).toBeGreaterThan(3000);
    expect(report.corpusBytes / report.minutes).toBeLessThan(11_000);
    expect(report.stages.map((s) => s.label)).toEqual(['build cold', 'build warm', 'validate cold', 'validate warm']);
    const baseline = report.baseline!;
    expect(baseline).toBeDefined();
    for (const stage of [...report.stages, baseline.eleventy, baseline.pagefind, baseline.total]) {
      expect(stage.seconds, stage.label).toBeGreaterThan(0);
      expect(stage.peakRss, stage.label).toBeGreaterThan(10 * 2 ** 20);
      expect(stage.filesPerSecond, stage.label).toBeGreaterThan(0);
    }
    for (const stage of report.stages) expect(stage.ratio).toBeGreaterThan(0);
    for (const stage of report.stages.filter((s) => s.label.endsWith('warm'))) {
      expect(stage.runs, stage.label).toHaveLength(3);
      expect([...stage.runs!].sort((a, b) => a - b)[1], stage.label).toBe(stage.seconds);
    }
    expect(report.stages.filter((s) => s.runs)).toHaveLength(2);
    expect(report.pagefindBundleBytes).toBeGreaterThan(0);
    expect(report.pagefindBundleFiles).toBeGreaterThan(3);
    expect(report.shards.reduce((sum, shard) => sum + shard.pages, 0)).toBe(30);
    for (const stage of report.stages.filter((s) => s.label.startsWith('build'))) {
      const timings = stage.timings!;
      expect(timings, stage.label).toBeDefined();
      for (const part of [timings.model, timings.render, timings.index]) expect(part, stage.label).toBeGreaterThan(0);
      expect(timings.model + timings.render + timings.index).toBeCloseTo(timings.total, 5);
      expect(timings.total).toBeLessThan(stage.seconds);
      expect(timings.peakRss.model, stage.label).toBeGreaterThan(10 * 2 ** 20);
      expect(timings.peakRss.index).toBeGreaterThanOrEqual(timings.peakRss.render);
      expect(timings.peakRss.render).toBeGreaterThanOrEqual(timings.peakRss.model);
    }
    if (!chromiumMissing()) {
      expect(report.firstSearch?.bytes).toBeGreaterThan(0);
      expect(report.firstSearch?.pagefindBytes).toBeGreaterThan(0);
      expect(report.firstSearch!.bytes).toBeLessThan(report.firstSearch!.rawBytes);
      const responses = report.firstSearch!.responses;
      expect(responses).toHaveLength(report.firstSearch!.requests);
      expect(responses.reduce((sum, r) => sum + r.bytes, 0)).toBe(report.firstSearch!.bytes);
      expect(responses.some((r) => r.path.endsWith('.pagefind'))).toBe(true);
      expect(formatReport(report)).toMatch(/Největší: [^ ]+ \d+,\d kB/);
    }
    const text = formatReport(report);
    expect(text).toMatch(/^N = 30 zápisů/);
    expect(text).toContain('| build cold |');
    expect(text).toContain('| bare Eleventy + Pagefind |');
    expect(text).toContain('Balík Pagefind:');
    expect(text).toContain('| build warm |');
    expect(text).toMatch(/v tabulce medián: build warm [\d.]+ \/ [\d.]+ \/ [\d.]+ s; validate warm [\d.]+ \/ [\d.]+ \/ [\d.]+ s\./);
    expect(text).toMatch(/\| build cold \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|/);
    // Every line in its place: no sentence swallowed by the table above it as one more row.
    const { rows, paragraphs } = shown(text);
    expect(rows).toEqual([
      ['měření', 'build cold', 'build warm', 'validate cold', 'validate warm', 'bare Eleventy', 'bare Pagefind CLI', 'bare Eleventy + Pagefind'],
      ['měření', 'build cold', 'build warm'],
    ]);
    expect(paragraphs.filter((p) => p.startsWith('První vyhledávání'))).toHaveLength(1);
  }, 600_000);

  it('leaves the baseline out when asked (`npm run bench -- --no-baseline`), and says so', () => {
    const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
    const args = ['src/bench/main.ts', '--minutes', '12', '--groups', '3', '--no-browser', '--no-baseline'];
    const json = spawnSync(tsx, [...args, '--json'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as BenchReport;
    expect(report.baseline).toBeUndefined();
    expect(report.stages.map((s) => s.label)).toEqual(['build cold', 'build warm', 'validate cold', 'validate warm']);
    for (const stage of report.stages) expect(stage.ratio, stage.label).toBeUndefined();
    expect(json.stderr).not.toContain('bare');
    const text = formatReport(report);
    expect(text).not.toContain('| bare');
    expect(text).toContain('Základ (holé Eleventy + Pagefind CLI): neměřen (`--no-baseline`).');
    expect(text).toMatch(/\| build cold \| [\d.]+ \| [\d.]+ \| [\d.]+ \|  \|/);
  }, 600_000);
});
