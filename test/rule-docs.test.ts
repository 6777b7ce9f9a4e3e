import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useCommandSandbox } from './helpers/capture-output.ts';
import { runDocs } from '../src/cli/docs.ts';
import { catalog, ruleIds } from '../src/rules/catalog.ts';
import {
  AREA_TITLES,
  RULE_DOCS_COMMAND,
  RULE_DOCS_FILE,
  SEVERITY_LABELS,
  placeholderParams,
  renderRuleDocs,
} from '../src/rules/docs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const docs = renderRuleDocs();

const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const CZECH_LETTER = /[áčďéěíňóřšťúůýž]/i;
const ENGLISH_WORD = /\b(?:the|is|are|must|should|please|file|missing|invalid|unknown)\b/i;

// A rule's message and hint take their own parameters; the docs' placeholders fit all of them.
type Texts = (params: unknown) => string;
const placeholders = placeholderParams();
const withSuggestion = new Proxy({} as Record<string, string | undefined>, {
  get: (_target, property) => (property === 'suggestion' ? '‹návrh›' : placeholders[property as string]),
});

describe(RULE_DOCS_FILE, () => {
  it('matches the rule catalogue', async () => {
    const committed = await readFile(path.join(ROOT, RULE_DOCS_FILE), 'utf8').catch(() => '(soubor chybí)');
    expect(
      committed.replace(/\r\n/g, '\n'),
      `${RULE_DOCS_FILE} neodpovídá katalogu pravidel (src/rules/catalog.ts); obnovte ho příkazem \`${RULE_DOCS_COMMAND}\` a zapište do gitu`,
    ).toBe(docs);
  });

  it('is generated deterministically, with a trailing newline', () => {
    expect(renderRuleDocs()).toBe(docs);
    expect(docs.endsWith('\n')).toBe(true);
    expect(docs.endsWith('\n\n')).toBe(false);
  });

  it.each(ruleIds)('documents %s under its id as a heading anchor, with severity and title', (id) => {
    const rule = catalog[id];
    expect(docs).toContain(`\n### \`${id}\`\n`);
    expect(docs).toContain(`[\`${id}\`](#${id})`);
    expect(docs).toContain(`**${rule.title}** · ${SEVERITY_LABELS[rule.severity]}`);
    expect(docs).toContain(rule.description);
    expect(docs).toContain((rule.hint as Texts)(placeholderParams()));
    const example = (rule as { example?: { wrong: string; right: string } }).example;
    if (example) {
      expect(docs).toContain(`\`\`\`\n${example.wrong}\n\`\`\``);
      expect(docs).toContain(`\`\`\`\n${example.right}\n\`\`\``);
    }
  });

  it('groups rules by area, in the catalogue order', () => {
    const headings = [...docs.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);
    expect([...headings].sort()).toEqual([...ruleIds].sort());
    for (const id of ruleIds) {
      const area = docs.lastIndexOf('\n## ', docs.indexOf(`\n### \`${id}\`\n`));
      expect(docs.slice(area + 4, docs.indexOf('\n', area + 1)), id).toBe(AREA_TITLES[catalog[id].area]);
    }
  });
});

describe('the rule catalogue', () => {
  it.each(ruleIds)('%s: kebab-case id, Czech title, message, hint and description', (id) => {
    const rule = catalog[id];
    expect(id).toMatch(KEBAB_CASE);
    for (const params of [placeholderParams(), withSuggestion]) {
      const message = (rule.message as Texts)(params);
      const hint = (rule.hint as Texts)(params);
      for (const [field, text] of [['message', message], ['hint', hint]] as const) {
        expect(text.trim(), `${id}.${field}`).not.toBe('');
        expect(text, `${id}.${field}`).not.toMatch(/undefined|\[object |NaN/);
        expect(text, `${id}.${field}`).not.toMatch(ENGLISH_WORD);
      }
      expect(`${message} ${hint}`, `${id}: message and hint in Czech`).toMatch(CZECH_LETTER);
    }
    expect(rule.title.trim(), `${id}.title`).toMatch(CZECH_LETTER);
    expect(rule.description.trim(), `${id}.description`).not.toBe('');
    expect(rule.description, `${id}.description`).not.toMatch(ENGLISH_WORD);
    expect(['error', 'warning']).toContain(rule.severity);
    expect(Object.keys(AREA_TITLES)).toContain(rule.area);
  });
});

describe('minutes docs --check', () => {
  const sandbox = useCommandSandbox('minutes-docs-');

  it('passes on the committed file', async () => {
    expect(await runDocs(['--check', '--root', ROOT])).toBe(0);
    expect(sandbox.stderr()).toBe('');
  });

  it('fails on a stale file, names it, and leaves it alone', async () => {
    await mkdir(path.join(sandbox.root(), 'docs'));
    await writeFile(path.join(sandbox.root(), RULE_DOCS_FILE), '# Pravidla\n');
    expect(await runDocs(['--check', '--root', sandbox.root()])).toBe(1);
    expect(sandbox.stderr()).toContain(`${RULE_DOCS_FILE} není aktuální`);
    expect(sandbox.stderr()).toContain(RULE_DOCS_COMMAND);
    expect(await readFile(path.join(sandbox.root(), RULE_DOCS_FILE), 'utf8')).toBe('# Pravidla\n');
  });

  it('writes the file, after which the check passes', async () => {
    expect(await runDocs(['--root', sandbox.root()])).toBe(0);
    expect(await readFile(path.join(sandbox.root(), RULE_DOCS_FILE), 'utf8')).toBe(docs);
    expect(await runDocs(['--check', '--root', sandbox.root()])).toBe(0);
  });
});
