/**
 * The writing guide cannot drift from the code: every ```markdown (or ```md) block of
 * docs/psani-zapisu.md that starts with `---` is a complete minute. Each is written into a
 * temporary archive with the real registers (minutes.config.yaml, organizations/), named by its
 * `date` and `group`, and checked by the same pipeline as `minutes validate` and `minutes extract`.
 *
 * A block validates without errors and without warnings, unless an HTML comment right before it
 * says otherwise. The comment may also state what the guide claims the archive finds in the block:
 *
 *   <!-- očekává: varování unknown-organization-update; informace nadeje, navrat; zmínky ospod;
 *        úkoly 3; usnesení 2; jednání 2022-01-10 14:00, 2022-03-14 -->
 *
 * varování: exactly these warnings (rule ids; repeat an id for two warnings of the same rule);
 * informace: the organizations of the updates, in order; zmínky: the organizations mentioned
 * (as a set); úkoly, usnesení: how many; jednání: the announced meetings, in order.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeArchive } from '../src/pipeline/analyze-archive.ts';
import { buildModel } from '../src/model/build-model.ts';
import { ruleIds } from '../src/rules/catalog.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GUIDE_FILE = path.join(ROOT, 'docs', 'psani-zapisu.md');
const guide = readFileSync(GUIDE_FILE, 'utf8');

interface Expectation {
  warnings: string[];
  updates?: string[];
  mentions?: string[];
  tasks?: number;
  decisions?: number;
  announced?: string[];
}

interface Example {
  /** 1-based line of the opening fence in the guide, for the test name and failure messages. */
  line: number;
  minute: string;
  expect: Expectation;
}

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*(\S*)/;
const EXPECT_COMMENT = /^<!--\s*očekává:([\s\S]*?)-->\s*$/u;

/** The fenced ```markdown / ```md blocks that are whole minutes, with the expectation before each. */
function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const close = lines.findIndex((line, j) => j > i && line.trim().startsWith(fence!) && line.trim().replace(/[`~]/g, '') === '');
    if (close === -1) throw new Error(`${GUIDE_FILE}:${i + 1}: blok kódu není uzavřený.`);
    const body = lines
      .slice(i + 1, close)
      .map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line))
      .join('\n');
    const language = info!.toLowerCase();
    if ((language === 'markdown' || language === 'md') && body.startsWith('---')) {
      examples.push({ line: i + 1, minute: `${body}\n`, expect: expectationBefore(lines, i) });
    }
    i = close;
  }
  return examples;
}

/** The `<!-- očekává: … -->` comment on the last non-blank line before a fence, if any. */
function expectationBefore(lines: string[], fenceIndex: number): Expectation {
  let j = fenceIndex - 1;
  while (j >= 0 && lines[j]!.trim() === '') j--;
  const comment = j >= 0 ? EXPECT_COMMENT.exec(lines[j]!.trim()) : null;
  const expectation: Expectation = { warnings: [] };
  if (!comment) return expectation;
  for (const part of comment[1]!.split(';')) {
    const match = /^\s*(\S+)\s*([\s\S]*?)\s*$/u.exec(part);
    if (!match || !match[1]) continue;
    const key = match[1];
    const values = match[2]!.split(',').map((v) => v.trim()).filter(Boolean);
    switch (key) {
      case 'varování':
        expectation.warnings = values;
        break;
      case 'informace':
        expectation.updates = values;
        break;
      case 'zmínky':
        expectation.mentions = values;
        break;
      case 'úkoly':
        expectation.tasks = Number(values[0]);
        break;
      case 'usnesení':
        expectation.decisions = Number(values[0]);
        break;
      case 'jednání':
        expectation.announced = values;
        break;
      default:
        throw new Error(`${GUIDE_FILE}:${j + 1}: neznámá část komentáře „očekává“: „${key}“.`);
    }
  }
  return expectation;
}

const examples = examplesOf(guide);
const temp = mkdtempSync(path.join(tmpdir(), 'docs-examples-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A temporary archive with the real registers and the one minute, named by its date and group. */
function projectWith(example: Example): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(example.minute)?.[1];
  if (frontmatter === undefined) throw new Error(`Příklad na řádku ${example.line} nemá uzavřené záhlaví.`);
  const { date, group } = parseYaml(frontmatter) as { date?: unknown; group?: unknown };
  if (typeof date !== 'string' || typeof group !== 'string') {
    throw new Error(`Příklad na řádku ${example.line} nemá v záhlaví date a group.`);
  }
  const root = path.join(temp, `line-${example.line}`);
  mkdirSync(path.join(root, 'minutes', date.slice(0, 4)), { recursive: true });
  cpSync(path.join(ROOT, 'minutes.config.yaml'), path.join(root, 'minutes.config.yaml'));
  cpSync(path.join(ROOT, 'organizations'), path.join(root, 'organizations'), { recursive: true });
  writeFileSync(path.join(root, 'minutes', date.slice(0, 4), `${date}-${group}.md`), example.minute);
  return root;
}

describe('docs/psani-zapisu.md', () => {
  it('has examples of whole minutes to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it('links every rule of the catalogue to its docs', () => {
    const missing = ruleIds.filter((id) => !guide.includes(`](pravidla.md#${id})`));
    expect(missing, 'rules without a link in the "Časté chyby" section').toEqual([]);
  });

  for (const example of examples) {
    const name = /^date:\s*(.+)$/m.exec(example.minute)?.[1]?.replace(/["']/g, '').trim();
    const group = /^group:\s*(.+)$/m.exec(example.minute)?.[1]?.trim();
    it(`the example on line ${example.line} (${name}-${group}) is read as the guide says`, async () => {
      const root = projectWith(example);
      const archive = await analyzeArchive(root);
      const shown = archive.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`);

      expect(archive.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule), shown.join('\n')).toEqual([]);
      for (const id of example.expect.warnings) expect(ruleIds, `„${id}“ is no rule id`).toContain(id);
      const warnings = archive.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule);
      expect([...warnings].sort(), shown.join('\n')).toEqual([...example.expect.warnings].sort());

      expect(archive.analyzed).toHaveLength(1);
      const { extracted } = archive.analyzed[0]!;
      if (example.expect.updates) expect(extracted.updates.map((u) => u.organization)).toEqual(example.expect.updates);
      if (example.expect.mentions) {
        expect([...new Set(extracted.mentions.map((m) => m.organization))].sort()).toEqual([...example.expect.mentions].sort());
      }
      if (example.expect.tasks !== undefined) expect(extracted.tasks).toHaveLength(example.expect.tasks);
      if (example.expect.decisions !== undefined) expect(extracted.decisions).toHaveLength(example.expect.decisions);
      if (example.expect.announced) {
        expect(extracted.announced.map((m) => (m.time ? `${m.date} ${m.time}` : m.date))).toEqual(example.expect.announced);
      }

      // What `minutes extract` publishes is built from the same minute without trouble.
      expect(() => buildModel({ config: archive.registers.config!, registers: archive.registers, analyzed: archive.analyzed })).not.toThrow();
    });
  }
});
