/**
 * The broken corpus: hand-made minutes that are wrong in one way each (privacy, YAML, schema,
 * archive rules, hostile structure, bytes that are not UTF-8 text). Every file of
 * test/fixtures/broken/ is placed as minutes/2021/2021-10-25-cizinci.md into a project built on
 * the validation fixtures' _base, run through validate + extract, and must give exactly the
 * diagnostics of its <name>.expected.json: never a crash, never silence.
 *
 *   UPDATE=1 npx vitest run test/robustness/broken-corpus.test.ts   rewrite the expectations (review the diff)
 */
import { readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeArchive } from '../../src/pipeline/analyze-archive.ts';
import { formatJson } from '../../src/report/json.ts';
import { BASE } from '../helpers/fixture-project.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));
const update = Boolean(process.env.UPDATE);
const cases = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
const roots: string[] = [];

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('broken corpus', () => {
  it('has at least 40 broken files, each with its expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    if (!update) for (const file of cases) expect(readdirSync(CORPUS), file).toContain(file.replace(/\.md$/, '.expected.json'));
  });

  it.each(cases)('%s', async (file) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutes-broken-'));
    roots.push(root);
    await cp(BASE, root, { recursive: true });
    await mkdir(path.join(root, 'minutes', '2021'), { recursive: true });
    const bytes = await readFile(path.join(CORPUS, file));
    await writeFile(path.join(root, 'minutes', '2021', '2021-10-25-cizinci.md'), bytes);

    const started = Date.now();
    const { diagnostics } = await analyzeArchive(root);
    expect(Date.now() - started, 'a broken file must not make the run slow').toBeLessThan(10_000);

    const lines = bytes.toString('utf8').replace(/\r\n?/g, '\n').split('\n').length;
    expect(diagnostics.length, 'a broken file is never silent').toBeGreaterThan(0);
    for (const d of diagnostics) {
      const where = `${d.rule} ${d.line}:${d.column}`;
      expect(d.line >= 1 && d.line <= lines + 1 && d.column >= 1, where).toBe(true);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), where).toBe(true);
      expect(`${d.message} ${d.hint}`, where).not.toMatch(/undefined|\[object|NaN/);
    }
    const actual = formatJson(diagnostics);
    const expectedFile = path.join(CORPUS, file.replace(/\.md$/, '.expected.json'));
    if (update) {
      await writeFile(expectedFile, actual);
      return;
    }
    expect(JSON.parse(actual)).toEqual(JSON.parse(await readFile(expectedFile, 'utf8')));
  });
});
