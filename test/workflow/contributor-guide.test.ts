/**
 * docs/prispevatele.md and the pull request template cannot drift from what they describe:
 *
 * - its example minute, organization and group pass the archive's checks with the real registers;
 * - the names of checks, steps and the preview it tells the secretary to look for are the ones in
 *   .github/workflows/ci.yml;
 * - every link leads to a file, heading or rule that exists; the rules themselves are linked
 *   (docs/pravidla.md is generated from the catalogue), never copied.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeArchive } from '../../src/pipeline/analyze-archive.ts';
import { loadRegisters } from '../../src/registers/load-registers.ts';
import { projectPaths } from '../../src/registers/project.ts';
import { catalog, ruleIds } from '../../src/rules/catalog.ts';
import { scaffoldMinute } from '../../src/scaffold/scaffold-minute.ts';
import { scaffoldArchiveOf } from '../../src/scaffold/archive.ts';
import { ROOT, readWorkflow } from './support.ts';

const GUIDE = 'docs/prispevatele.md';
const guide = readFileSync(path.join(ROOT, GUIDE), 'utf8');
const template = readFileSync(path.join(ROOT, '.github/pull_request_template.md'), 'utf8');

interface Block {
  language: string;
  body: string;
  /** The HTML comment on the line right before the fence, if any. */
  comment?: string;
}

function blocksOf(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, language] = open;
    const close = lines.findIndex((line, j) => j > i && line.trim() === fence);
    const body = lines.slice(i + 1, close).map((line) => (line.startsWith(indent!) ? line.slice(indent!.length) : line));
    const comment = /^<!--\s*(.*?)\s*-->$/.exec(lines[i - 1]?.trim() ?? '')?.[1];
    blocks.push({ language: language!, body: `${body.join('\n')}\n`, ...(comment ? { comment } : {}) });
    i = close;
  }
  return blocks;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens (letters with diacritics kept). */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    const heading = !inFence && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      anchors.add(
        heading[1]!
          .trim()
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s-]/gu, '')
          .replace(/\s/g, '-'),
      );
    }
  }
  return anchors;
}

describe('the contributor guide', () => {
  it('is linked from the README', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('(docs/prispevatele.md)');
  });

  it('links only to files, headings and rules that exist', () => {
    const links = [...guide.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      const [file, anchor] = link.split('#') as [string, string | undefined];
      const target = file ? path.resolve(path.dirname(path.join(ROOT, GUIDE)), file) : path.join(ROOT, GUIDE);
      expect(existsSync(target), link).toBe(true);
      if (!anchor) continue;
      const decoded = decodeURIComponent(anchor);
      if (target.endsWith('pravidla.md')) expect(ruleIds, link).toContain(decoded);
      else expect([...anchorsOf(readFileSync(target, 'utf8'))], link).toContain(decoded);
    }
  });

  it('links to the generated rule docs and copies no rule text from the catalogue', () => {
    expect(guide).toContain('](pravidla.md)');
    for (const [id, rule] of Object.entries(catalog)) {
      expect(guide, `${id}: the description belongs in docs/pravidla.md`).not.toContain(rule.description.slice(0, 60));
    }
  });

  it('names the checks, steps and preview as the workflow does', () => {
    const { workflow } = readWorkflow();
    const check = workflow.jobs.check!;
    const step = (test: RegExp) => check.steps.find((s) => test.test(s.run ?? s.uses ?? ''))!;
    const artifact = String(step(/upload-artifact/).with?.name).replace(/\$\{\{.*$/, '');
    const names = [
      workflow.name,
      check.name!,
      step(/minutes validate --format github/).name!,
      check.steps.find((s) => s.if?.includes('steps.validate.outcome'))!.name!,
      workflow.jobs.deploy!.name!,
      artifact,
    ];
    // Lines of the guide are wrapped: compare with single spaces.
    const flat = guide.replace(/\s+/g, ' ');
    for (const name of names) expect(flat, name).toContain(name);
    expect(flat).toContain(`${workflow.name} / ${check.name}`);
  });

  it('says what `minutes new` really does with the command it shows', async () => {
    const command = /npx minutes new --group (\S+) --date (\S+) --time (\S+)/.exec(guide)!;
    expect(command).not.toBeNull();
    const archive = await analyzeArchive(ROOT);
    const result = scaffoldMinute(scaffoldArchiveOf(archive, []), { group: command[1]!, date: command[2]!, time: command[3]! });
    expect(result.ok).toBe(true);
    expect(guide).toContain(`(\`${result.ok ? result.file : ''}\`)`);
  });

  describe('its examples pass the checks with the real registers', () => {
    let root: string;
    const blocks = blocksOf(guide);

    beforeAll(() => {
      root = mkdtempSync(path.join(tmpdir(), 'minutes-contributing-'));
      cpSync(path.join(ROOT, 'minutes.config.yaml'), path.join(root, 'minutes.config.yaml'));
      cpSync(path.join(ROOT, 'organizations'), path.join(root, 'organizations'), { recursive: true });
    });

    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('the minute', async () => {
      const minutes = blocks.filter((b) => b.language === 'markdown' && b.body.startsWith('---\n'));
      expect(minutes).toHaveLength(1);
      const text = minutes[0]!.body;
      const fm = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as { date: string; group: string };
      // The file name the guide tells to type is the one this minute needs.
      const name = /```text\n(\d{4}\/[^\n]+\.md)\n/.exec(guide.replace(/^ {3}/gm, ''))![1]!;
      expect(name).toBe(`${fm.date.slice(0, 4)}/${fm.date}-${fm.group}.md`);
      const file = path.join(root, 'minutes', name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      const checked = await analyzeArchive(root, [file]);
      expect(checked.diagnostics).toEqual([]);
      const extracted = checked.analyzed[0]!.extracted;
      expect(extracted.updates.map((u) => u.organization)).toEqual(['nadeje', 'navrat']);
      expect(extracted.tasks).toHaveLength(1);
    });

    it('the organization', async () => {
      const block = blocks.find((b) => b.comment?.startsWith('soubor: organizations/'))!;
      const file = block.comment!.replace('soubor: ', '');
      writeFileSync(path.join(root, file), block.body);
      const registers = await loadRegisters(projectPaths(root));
      expect(registers.diagnostics).toEqual([]);
      expect(registers.organizations.get(path.basename(file, '.yaml'))?.kind).toBe('NNO');
      rmSync(path.join(root, file));
    });

    it('the group', async () => {
      const block = blocks.find((b) => b.comment === 'do: minutes.config.yaml, groups')!;
      const config = readFileSync(path.join(ROOT, 'minutes.config.yaml'), 'utf8');
      // Appended at the end of the groups list, which ends the file.
      expect(config.trimEnd().split('\n').at(-1)).toMatch(/^ {2,}\S/);
      writeFileSync(path.join(root, 'minutes.config.yaml'), `${config.trimEnd()}\n${block.body}`);
      try {
        const registers = await loadRegisters(projectPaths(root));
        expect(registers.diagnostics).toEqual([]);
        const id = /id: (\S+)/.exec(block.body)![1]!;
        expect(registers.groups.has(id)).toBe(true);
      } finally {
        writeFileSync(path.join(root, 'minutes.config.yaml'), config);
      }
    });
  });
});

describe('the pull request template', () => {
  const items = template.split('\n').filter((line) => line.startsWith('- [ ] '));

  it("is the secretary's checklist, in Czech: date, attendees, each organization's update, tasks, status", () => {
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const [topic, words] of [
      ['date', ['**Datum:**', '`date`']],
      ['attendees', ['**Přítomní:**', '`attendees`']],
      ['updates', ['**Informace organizací:**', 'každá organizace', '- **Naděje.** …']],
      ['tasks', ['**Úkoly:**', '- [ ] Co udělat — @Jméno Příjmení, do RRRR-MM-DD', '- [x]']],
      ['status', ['**Stav:**', 'status: draft', 'status: approved']],
    ] as const) {
      const item = items.find((line) => line.includes(words[0]));
      expect(item, topic).toBeDefined();
      for (const word of words) expect(item, `${topic}: ${word}`).toContain(word);
    }
  });

  it('points to the guides, which exist', () => {
    for (const doc of template.match(/docs\/[\w-]+\.md/g) ?? []) expect(existsSync(path.join(ROOT, doc)), doc).toBe(true);
    expect(template).toContain('docs/prispevatele.md');
  });
});
