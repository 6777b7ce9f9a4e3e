/**
 * `minutes validate` as a secretary and CI run it: the real bin in a child process, its exit
 * code, and what each reporter prints.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeVersion, workerBundleDir } from '../bin/cli-bundle.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.ts';
import { BASE, FIXTURES, materializeCase, removeProject } from './helpers/fixture-project.ts';
import { copyProject } from './workflow/support.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'minutes.js');
const JSON_FIELDS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'hint'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the bin (of this checkout, or of the one given); stdout is a pipe, not a TTY, and no colour is forced. Never a stack trace. */
function minutes(args: string[], cwd = ROOT, bin = BIN): Promise<Run> {
  const env = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'MINUTES_DEBUG']) delete env[name];
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      expect(`${stdout}\n${stderr}`, 'a stack trace reached the user').not.toMatch(/^\s+at /m);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('minutes prepare', () => {
  it('bundles the worker threads, and npm ci runs it', async () => {
    // A copy of the checkout is a version of the code of its own: its bundles are made by this
    // run, and no other test uses them.
    const project = copyProject('kpss-prepare-');
    const version = codeVersion(project);
    try {
      const run = await minutes(['prepare'], project, path.join(project, 'bin', 'minutes.js'));
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain('Nástroj je připraven');
      expect((await readdir(workerBundleDir(version))).sort()).toEqual(['analysis-worker.mjs', 'index-worker.mjs', 'spare-survey-worker.mjs']);
    } finally {
      await rm(project, { recursive: true, force: true });
      await rm(workerBundleDir(version), { recursive: true, force: true });
      await rm(path.join(path.dirname(workerBundleDir(version)), `cli-${version.slice(0, 20)}`), { recursive: true, force: true });
    }
    const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.prepare).toBe('node bin/minutes.js prepare');
  }, 60_000);
});

describe('minutes validate', () => {
  it('exits 0 on the bundled archive', async () => {
    const run = await minutes(['validate']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✔ Zkontrolováno: \d+ soubor\S*\. Bez problémů\.$/m);
    expect(run.code).toBe(0);
  });

  it('reports a mistyped path instead of passing with nothing checked', async () => {
    const run = await minutes(['validate', 'minutes/2021/2021-10-25-cizinzi.md', '--format', 'json']);
    expect(JSON.parse(run.stdout)).toMatchObject([{ file: 'minutes/2021/2021-10-25-cizinzi.md', rule: 'file-not-found' }]);
    expect(run.code).toBe(1);
  });

  describe('wrong usage exits 2 with a Czech message on stderr', () => {
    it.each([
      ['an unknown option', ['validate', '--bogus'], 'Chybné použití'],
      ['an unknown format', ['validate', '--format', 'xml'], 'Neznámý formát „xml“'],
      ['an unknown command', ['validovat'], 'Neznámý příkaz „validovat“'],
    ])('%s', async (_, args, message) => {
      const run = await minutes(args);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
      expect(run.code).toBe(2);
    });
  });

  describe('on a broken project', () => {
    const name = 'many-problems-in-many-files';
    let root: string;
    let expected: Diagnostic[];
    beforeAll(async () => {
      root = await materializeCase(path.join(FIXTURES, name));
      expected = JSON.parse(await readFile(path.join(FIXTURES, name, 'expected.json'), 'utf8'));
    });
    afterAll(() => removeProject(root));

    it('--format json prints every diagnostic with all its fields, and exits 1', async () => {
      const run = await minutes(['validate', '--format', 'json'], root);
      const printed = JSON.parse(run.stdout) as Diagnostic[];
      for (const d of printed) expect(Object.keys(d)).toEqual(JSON_FIELDS);
      expect(printed).toEqual(expected);
      expect(run.code).toBe(1);
    });

    it('--format github prints one workflow command per diagnostic', async () => {
      const run = await minutes(['validate', '--format', 'github'], root);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(expected.length);
      for (const line of lines) {
        expect(line).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::\S.*%0A\S/);
      }
      expect(lines).toContain(
        '::error file=minutes/2021/2021-10-25-cizinci.md,line=5,col=1,endLine=5,endColumn=9,title=unknown-key::' +
          'Neznámý klíč „atendees“. Nemysleli jste „attendees“?%0APřejmenujte klíč na „attendees“.',
      );
      expect(run.code).toBe(1);
    });

    it('stylish groups the problems by file, without colour when not a TTY', async () => {
      const run = await minutes(['validate'], root);
      expect(run.stdout).not.toContain('\u001b[');
      const files = [...new Set(expected.map((d) => d.file))];
      const headers = run.stdout.split('\n').filter((line) => line !== '' && !line.startsWith(' ') && !line.startsWith('✖'));
      expect(headers).toEqual(files);
      // Each file's block lists its own problems, "line:column  chyba|varování  message  rule".
      for (const file of files) {
        const block = run.stdout.slice(run.stdout.indexOf(`${file}\n`)).split('\n\n')[0]!;
        const problems = block.split('\n').filter((line) => /^ {2}\d+:\d+ /.test(line));
        expect(problems.map((line) => line.trim().split(/\s+/)[0])).toEqual(
          expected.filter((d) => d.file === file).map((d) => `${d.line}:${d.column}`),
        );
      }
      expect(run.stdout).toContain('  5:1  chyba     Neznámý klíč „atendees“. Nemysleli jste „attendees“?  unknown-key');
      expect(run.stdout).toContain('→ Přejmenujte klíč na „attendees“.');
      expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
        `✖ Zkontrolováno: 8 souborů. Nalezeno: 12 chyb, 2 varování.`, // 7 minutes and romodrom.yaml
      );
      expect(run.code).toBe(1);
    });
  });

  it('validates a file outside minutes/ against the registers of --root', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-outside-'));
    const file = path.join(dir, '2021-10-25-cizinci.md');
    // romodrom is in the bundled archive's register but not in the fixture's: the fixture's must be used.
    await writeFile(
      file,
      '---\ndate: 2021-10-25\ngroup: cizinci\nattendees:\n  - name: Šťastná\n    organization: nadeje\n' +
        '  - name: Šandor\n    organization: romodrom\ntopics:\n  - Mimo složku minutes/\n---\n',
    );
    try {
      const run = await minutes(['validate', '--root', path.relative(ROOT, BASE), file, '--format', 'json']);
      expect(JSON.parse(run.stdout)).toEqual([
        {
          file: file.split(path.sep).join('/'),
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 27,
          severity: 'error',
          rule: 'unknown-organization',
          message: 'Organizace „romodrom“ není v rejstříku organizací.',
          hint: 'Použijte id organizace (název souboru ve složce organizations/ bez .yaml), nebo organizaci do rejstříku přidejte.',
        },
      ]);
      expect(run.code).toBe(1);
    } finally {
      await removeProject(dir);
    }
  });
});
