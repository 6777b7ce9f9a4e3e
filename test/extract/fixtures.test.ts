import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build-model.ts';
import { toOpenData } from '../../src/model/open-data.ts';
import { analyzeArchive } from '../../src/pipeline/analyze-archive.ts';

/**
 * Golden fixtures: each case holds minutes only; they are checked against the real registers.
 * expected.json is what the extraction and the model say about them. `UPDATE=1` rewrites it,
 * so a change in behaviour is reviewed as a diff.
 */
const casesDir = path.resolve('test/fixtures/extract/cases');
const temp = mkdtempSync(path.join(tmpdir(), 'extract-cases-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('extraction fixtures', () => {
  for (const name of readdirSync(casesDir)) {
    it(name, async () => {
      const root = path.join(temp, name);
      cpSync(path.join(casesDir, name, 'minutes'), path.join(root, 'minutes'), { recursive: true });
      cpSync('minutes.config.yaml', path.join(root, 'minutes.config.yaml'));
      cpSync('organizations', path.join(root, 'organizations'), { recursive: true });
      const archive = await analyzeArchive(root);
      const model = toOpenData(buildModel({ config: archive.registers.config!, registers: archive.registers, analyzed: archive.analyzed }));
      const actual = {
        diagnostics: archive.diagnostics.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
        updates: model.organizations.flatMap((o) =>
          o.updates.map((u) => ({ organization: u.organization, meeting: u.meeting, line: u.position.line, markdown: u.content.markdown })),
        ),
        mentions: model.organizations.flatMap((o) =>
          o.mentions.map((m) => ({ organization: m.organization, meeting: m.meeting, written: m.written, line: m.position.line, column: m.position.column })),
        ),
        tasks: model.tasks,
        decisions: model.decisions.map(({ meeting, label, content, position }) => ({ meeting, label, markdown: content.markdown, line: position.line })),
        upcoming: model.upcoming,
      };
      const expectedFile = path.join(casesDir, name, 'expected.json');
      if (process.env.UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
