/**
 * The pull request's job, run here as GitHub would run it, as far as can be without GitHub: its
 * `run:` steps in their order, in a temporary copy of the project, each with bash -e and each
 * expected to exit 0. What cannot or must not run here is checked instead of run:
 *
 * - `npm ci`: node_modules must exist and package-lock.json must agree with package.json
 *   (what `npm ci` refuses otherwise);
 * - `npm test`: must be there, but is the suite this test belongs to, so it is not run again;
 * - `uses:` steps (checkout, setup-node, the uploads): checked for what they are given.
 *
 * The built site is then checked for its links to the sources ("Upravit na GitHubu"), and the
 * main branch's Pages build runs with a base path as configure-pages would give it.
 */
import { accessSync, constants, cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, bash, cachedPaths, copyProject, needsOf, readWorkflow, type Step } from './support.ts';

const { workflow } = readWorkflow();
const config = parseYaml(readFileSync(path.join(ROOT, 'minutes.config.yaml'), 'utf8')) as {
  site: { repository: string; branch: string };
};

const isNpmCi = (step: Step) => /^\s*npm ci\b/.test(step.run ?? '');
const isTestRun = (step: Step) => /^\s*npm (?:test|run test)\b/.test(step.run ?? '');
const isChromium = (step: Step) => (step.run ?? '').includes('CHROMIUM_PATH=');

function chromiumCandidate(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

describe('the workflow', () => {
  it('checks every pull request and every push to main', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('has no ${{ }} expression inside a run: script (values come in through env:)', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) expect(step.run ?? '', step.name).not.toContain('${{');
    }
  });

  it('sets up Node 20 with the npm cache and installs from the lockfile in every job that runs npm', () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const runsNpm = job.steps.some((s) => /\bnpm|npx\b/.test(s.run ?? ''));
      if (!runsNpm) continue;
      const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setup?.with, id).toEqual({ 'node-version': 20, cache: 'npm' });
      const install = job.steps.findIndex(isNpmCi);
      expect(install, `${id}: npm ci`).toBeGreaterThan(job.steps.indexOf(setup!));
      const firstNpx = job.steps.findIndex((s) => /\bnpx\b/.test(s.run ?? ''));
      expect(install, `${id}: npm ci before the first npx`).toBeLessThan(firstNpx);
      expect(job.steps[0]?.uses, `${id}: checkout first`).toMatch(/^actions\/checkout@/);
    }
  });

  it('deploys to GitHub Pages only from main and only after every check passed', () => {
    const { check, 'pages-build': build, deploy } = workflow.jobs;
    expect(check).toBeDefined();
    expect(check!.if).toBeUndefined();
    expect(needsOf(build!)).toEqual(['check']);
    expect(build!.if).toContain("github.ref == 'refs/heads/main'");
    expect(needsOf(deploy!)).toEqual(['pages-build']);
    expect(deploy!.environment?.name).toBe('github-pages');
    expect(deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy!.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
    // Only the deploy job may write to Pages or mint an OIDC token.
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (id !== 'deploy') expect(job.permissions?.['pages'] ?? 'none', id).not.toBe('write');
    }
    const uses = build!.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/cache', 'actions/upload-pages-artifact']);
  });

  it('keeps the analysis cache and the previous site between runs, for the preview and for the Pages build', () => {
    expect(cachedPaths(workflow.jobs.check!)).toEqual(['.cache/minutes', '_site']);
    expect(cachedPaths(workflow.jobs['pages-build']!)).toEqual(['.cache/minutes', '_site']);
    // Restored before anything reads it.
    const checkSteps = workflow.jobs.check!.steps;
    expect(checkSteps.findIndex((s) => s.uses?.startsWith('actions/cache@'))).toBeLessThan(checkSteps.findIndex((s) => s.run?.includes('minutes validate')));
  });
});

describe("the pull request job's commands, in order", () => {
  const job = workflow.jobs.check!;
  let project: string;
  const ran: string[] = [];
  const githubEnv = () => path.join(project, '..', `${path.basename(project)}.github-env`);

  beforeAll(() => {
    project = copyProject('minutes-workflow-');
    writeFileSync(githubEnv(), '');
  });

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(githubEnv(), { force: true });
  });

  it('runs on the pull request (the only job that does)', () => {
    expect(job.if).toBeUndefined();
    for (const [id, other] of Object.entries(workflow.jobs)) {
      if (id !== 'check') expect(other.if ?? needsOf(other).length > 0, id).toBeTruthy();
    }
  });

  it('validates, builds, uploads the preview and tests, in this order', () => {
    const index = (test: (s: Step) => boolean, what: string) => {
      const i = job.steps.findIndex(test);
      expect(i, what).toBeGreaterThanOrEqual(0);
      return i;
    };
    const install = index(isNpmCi, 'npm ci');
    const validate = index((s) => /minutes validate --format github\b/.test(s.run ?? ''), 'validate --format github');
    const build = index((s) => /minutes build\b/.test(s.run ?? ''), 'build');
    const upload = index((s) => (s.uses ?? '').startsWith('actions/upload-artifact@'), 'upload-artifact');
    const tests = index(isTestRun, 'npm test');
    const chromium = index(isChromium, 'Chromium');
    expect([install, validate, build, upload].every((v, i, all) => i === 0 || v > all[i - 1]!)).toBe(true);
    expect(chromium).toBeLessThan(tests);
    expect(tests).toBeGreaterThan(build);
    // The preview is the site the build step wrote.
    const buildOut = /--out\s+(\S+)/.exec(job.steps[build]!.run!)![1]!;
    expect(String(job.steps[upload]!.with?.path).replace(/\/$/, '')).toBe(buildOut.replace(/\/$/, ''));
    expect(job.steps[upload]!.if).toBe("github.event_name == 'pull_request'");
  });

  it('npm ci: node_modules is installed and package-lock.json agrees with package.json', () => {
    expect(existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const root = lock.packages[''];
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]) {
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
      expect(existsSync(path.join(ROOT, 'node_modules', name, 'package.json')), `${name} installed`).toBe(true);
    }
  });

  it(
    'every run: step exits 0 (npm ci and npm test checked, not run)',
    async () => {
      for (const step of job.steps) {
        if (!step.run) continue;
        const label = step.name ?? step.run;
        if (isNpmCi(step) || isTestRun(step)) continue;
        if (isChromium(step) && !chromiumCandidate()) {
          console.warn(`[workflow] krok „${label}“ přeskočen: tady není Chromium (na GitHubu ho obraz runneru má)`);
          continue;
        }
        const outcome = await bash(step.run, project, { CI: 'true', GITHUB_ENV: githubEnv() });
        expect(outcome.code, `${label}\n${outcome.stdout}\n${outcome.stderr}`).toBe(0);
        ran.push(label);
        if (/minutes validate --format github\b/.test(step.run)) {
          // No problem in the archive: no workflow command, nothing for GitHub to annotate.
          expect(outcome.stdout).not.toMatch(/^::(error|warning)/m);
        }
      }
      expect(ran.length).toBeGreaterThanOrEqual(3);
      const chromium = job.steps.find(isChromium)!;
      if (ran.includes(chromium.name!)) {
        const line = readFileSync(githubEnv(), 'utf8').trim();
        expect(line).toMatch(/^CHROMIUM_PATH=\//);
        accessSync(line.slice('CHROMIUM_PATH='.length), constants.X_OK);
      }
    },
    600_000,
  );

  it(
    'on a broken minute, the validate step fails with an annotation on its line, and the next step explains it',
    async () => {
      const validate = job.steps.find((s) => /minutes validate --format github\b/.test(s.run ?? ''))!;
      const explain = job.steps[job.steps.indexOf(validate) + 1]!;
      expect(explain.if).toBe(`failure() && steps.${validate.id}.outcome == 'failure'`);
      const file = 'minutes/2025/2025-01-13-cizinci.md';
      const broken = path.join(project, file);
      cpSync(path.join(project, 'minutes/2021/2021-10-25-cizinci.md'), broken);
      writeFileSync(
        broken,
        readFileSync(broken, 'utf8').replace('date: 2021-10-25', 'date: 2025-01-13').replace('time: "09:00"', 'time: "9:00"'),
      );
      try {
        const failed = await bash(validate.run!, project, { CI: 'true' });
        expect(failed.code).toBe(1);
        // A path from the repository root and the line of `time:`: GitHub shows it in the diff.
        const line = readFileSync(broken, 'utf8').split('\n').findIndex((l) => l.startsWith('time:')) + 1;
        expect(failed.stdout).toMatch(new RegExp(`^::error file=${file},line=${line},.*title=invalid-time::`, 'm'));
        const explained = await bash(explain.run!, project, { CI: 'true' });
        expect(explained.code).toBe(1);
        expect(explained.stdout).toContain('invalid-time');
        expect(explained.stdout).toContain(file);
      } finally {
        rmSync(broken);
      }
    },
    120_000,
  );

  it('builds a site where every page links to the repository and each source page to its file', () => {
    const site = path.join(project, '_site');
    const pages = htmlFiles(site);
    expect(pages).toContain('index.html');
    const repository = config.site.repository.replace(/\/+$/, '');
    const edit = `${repository}/edit/${config.site.branch}/`;
    const folder = `${repository}/tree/${config.site.branch}/`;
    for (const page of pages) {
      const html = readFileSync(path.join(site, page), 'utf8');
      expect(html, page).toContain(`href="${repository}"`);
      const links = [...html.matchAll(/<a href="([^"]+)">Upravit na GitHubu<\/a>/g)].map((m) => m[1]!);
      expect(links.length, `${page} has no "Upravit na GitHubu"`).toBeGreaterThan(0);
      for (const link of links) {
        const prefix = link.startsWith(edit) ? edit : folder;
        expect(link.startsWith(prefix), `${page}: ${link}`).toBe(true);
        const source = decodeURIComponent(link.slice(prefix.length));
        expect(existsSync(path.join(ROOT, source)), `${page} links to ${source}, which is not in the repository`).toBe(true);
      }
    }
    // The pages made from one source file say where to fix them.
    for (const [dir, source] of [
      ['zapisy', /^minutes\/\d{4}\/[^/]+\.md$/],
      ['organizace', /^organizations\/[^/]+\.yaml$/],
      ['skupiny', /^minutes\.config\.yaml$/],
    ] as const) {
      const detail = pages.filter((p) => new RegExp(`^${dir}/[^/]+/index\\.html$`).test(p) && !/^\w+\/(?:kalendar|\d{4})\//.test(p));
      expect(detail.length, dir).toBeGreaterThan(0);
      for (const page of detail) {
        const html = readFileSync(path.join(site, page), 'utf8');
        const link = /<a href="([^"]+)">Upravit na GitHubu<\/a>/.exec(html)?.[1];
        expect(link, `${page} has no "Upravit na GitHubu"`).toBeDefined();
        expect(decodeURIComponent(link!.slice(edit.length)), page).toMatch(source);
      }
    }
  });
});

describe("main's Pages build", () => {
  const job = workflow.jobs['pages-build']!;
  const step = job.steps.find((s) => /minutes build\b/.test(s.run ?? ''))!;

  it('builds with the base path configure-pages gives', () => {
    const pages = job.steps.find((s) => s.uses?.startsWith('actions/configure-pages@'))!;
    expect(job.steps.indexOf(pages)).toBeLessThan(job.steps.indexOf(step));
    expect(Object.values(step.env ?? {})).toContain(`\${{ steps.${pages.id}.outputs.base_path }}`);
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!;
    const out = /--out\s+(\S+)/.exec(step.run!)![1]!;
    expect(String(upload.with?.path).replace(/\/$/, '')).toBe(out.replace(/\/$/, ''));
  });

  it.each([
    ['/zapisy', '/zapisy/'],
    ['/zapisy/', '/zapisy/'],
    ['', '/'],
  ])('turns base_path „%s“ into --base %s', async (basePath, expected) => {
    const variable = Object.keys(step.env ?? {})[0]!;
    // The step's own command, with `echo` in place of the build: what --base it would get.
    const dry = step.run!.replace(/npx --no minutes build/, 'echo');
    const outcome = await bash(dry, tmpdir(), { [variable]: basePath });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout.trim().split(/\s+/).at(-1)).toBe(expected);
  });

  it(
    'builds the site under the project path of GitHub Pages',
    async () => {
      const project = copyProject('minutes-pages-');
      try {
        const variable = Object.keys(step.env ?? {})[0]!;
        const outcome = await bash(`${step.run!.replace('minutes build', 'minutes build --no-index')}`, project, { [variable]: '/zapisy' });
        expect(outcome.code, outcome.stderr).toBe(0);
        const html = readFileSync(path.join(project, '_site', 'index.html'), 'utf8');
        expect(html).toContain('href="/zapisy/assets/style.css"');
        expect(html).not.toMatch(/href="\/assets\//);
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
