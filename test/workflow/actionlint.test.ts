/**
 * The workflows are checked by actionlint, as far as can be without GitHub: syntax, expressions,
 * job dependencies, runner labels, and (on a copy with version tags instead of SHAs) the inputs
 * and outputs of the actions used. Each deliberately broken copy below must fail, so a linter
 * that silently checked nothing could not pass this test.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PINNED_USES, ROOT, actionlint, readWorkflow, withVersionTags, workflowFiles } from './support.ts';

const shown = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('actionlint', () => {
  it.each(workflowFiles().map(shown))('%s has no problem', async (file) => {
    const problems = await actionlint(readFileSync(path.join(ROOT, file), 'utf8'), file);
    expect(problems).toEqual([]);
  });

  it.each(workflowFiles().map(shown))('%s with version tags for the SHAs has no problem (inputs and outputs checked)', async (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const tagged = withVersionTags(text);
    expect(tagged).not.toBe(text);
    expect(await actionlint(tagged, file)).toEqual([]);
  });

  it.each(workflowFiles().map(shown))('%s pins every action to a full commit SHA with its version in a comment', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const uses = text.split('\n').filter((line) => /^\s*(?:-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(new RegExp(PINNED_USES.source));
  });
});

describe('actionlint fails on a broken workflow', () => {
  const { text } = readWorkflow();
  const tagged = withVersionTags(text);

  const breakages: [string, string, (text: string) => string, string][] = [
    ['a job that needs a job that does not exist', text, (t) => t.replace('needs: pages-build', 'needs: pages-biuld'), 'job-needs'],
    ['a step output that does not exist', tagged, (t) => t.replace('steps.pages.outputs.base_path', 'steps.pages.outputs.basepath'), 'expression'],
    ['a step id that does not exist', text, (t) => t.replace('steps.deployment.outputs.page_url', 'steps.deploy.outputs.page_url'), 'expression'],
    ['an unknown permission', text, (t) => t.replace('pages: read', 'page: read'), 'permissions'],
    ['a misspelled key', text, (t) => t.replace('timeout-minutes: 30', 'timeout-minute: 30'), 'syntax-check'],
    ['an unknown runner label', text, (t) => t.replace('runs-on: ubuntu-24.04', 'runs-on: ubuntu-24.40'), 'runner-label'],
    ['an expression with a typo', text, (t) => t.replace("github.event_name == 'pull_request'", "github.event_name = 'pull_request'"), 'expression'],
    ['an unknown context', text, (t) => t.replace('github.event.pull_request.number }}', 'github.evnt.pull_request.number }}'), 'expression'],
    ['a misspelled input of an action', tagged, (t) => t.replace('node-version: 20', 'node-versoin: 20'), 'action'],
  ];

  it.each(breakages)('%s', async (_, original, breakIt, kind) => {
    const broken = breakIt(original);
    expect(broken, 'the breakage must change the workflow').not.toBe(original);
    const problems = await actionlint(broken);
    expect(problems.map((p) => p.kind)).toContain(kind);
  });
});
