/**
 * Golden fixtures for `minutes validate` (like remark-lint and textlint): every folder in
 * test/fixtures/validate/ is a small project laid over _base/ (config and four organizations),
 * and its expected.json is what the JSON reporter must print for it, positions included.
 * Inputs that cannot be committed as text (binary, Windows-1250, UTF-16, BOM + CRLF, empty)
 * are written from the case's bytes.json; see test/helpers/fixture-project.ts.
 *
 *   npx vitest run test/validate-fixtures.test.ts            compare
 *   UPDATE=1 npx vitest run test/validate-fixtures.test.ts   rewrite expected.json (then review the diff)
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/pipeline/check-archive.ts';
import { formatJson } from '../src/report/json.ts';
import { FIXTURES, materializeCase, removeProject } from './helpers/fixture-project.ts';

const update = Boolean(process.env.UPDATE);
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name)
  .sort();

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

describe('validation fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)('%s', async (name) => {
    const caseDir = path.join(FIXTURES, name);
    const root = await materializeCase(caseDir);
    roots.push(root);
    const { diagnostics } = await checkArchive(root);

    // Whatever the case, a position is a real place in the file, and a path is relative to the project.
    for (const d of diagnostics) {
      const where = `${d.rule} in ${d.file}`;
      expect(d.line, where).toBeGreaterThanOrEqual(1);
      expect(d.column, where).toBeGreaterThanOrEqual(1);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), `${where}: ends before it starts`).toBe(true);
      expect(path.isAbsolute(d.file), where).toBe(false);
      expect(`${d.message} ${d.hint}`, where).not.toMatch(/undefined|\[object|NaN/);
    }

    const actual = formatJson(diagnostics);
    const expectedFile = path.join(caseDir, 'expected.json');
    if (update) {
      await writeFile(expectedFile, actual);
      return;
    }
    const expected = await readFile(expectedFile, 'utf8').catch(() => {
      throw new Error(`${name}/expected.json chybí; vytvořte ho příkazem UPDATE=1 npx vitest run test/validate-fixtures.test.ts`);
    });
    expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
  });
});
