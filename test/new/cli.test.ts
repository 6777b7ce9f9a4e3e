/**
 * `minutes new` as a secretary's script or CI runs it: the real bin in a child process whose stdin
 * is not a terminal (no questions, flags only), writing into a temporary copy of the project.
 * One run in a real pseudo-terminal (util-linux `script`) answers the questions.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectOptions, type Prompter } from '../../src/cli/new.ts';
import { UsageError } from '../../src/cli/usage.ts';
import type { ScaffoldArchive } from '../../src/scaffold/archive.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Each test spawns the CLI up to three times; on a busy two-core machine one run can take seconds. */
const SLOW = 240_000;
const BIN = path.join(ROOT, 'bin', 'minutes.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function minutes(args: string[], cwd: string): Promise<Run> {
  const env = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'MINUTES_DEBUG']) delete env[name];
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd, env, timeout: SLOW }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      expect(`${stdout}\n${stderr}`, 'a stack trace reached the user').not.toMatch(/^\s+at /m);
      resolve({ code, stdout, stderr });
    });
    // stdin is a pipe, closed at once: a command that asked would get no answer, not hang.
    child.stdin?.end();
  });
}

function frontmatterOf(text: string): Record<string, unknown> {
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
}

let project: string;

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'minutes-new-'));
  for (const entry of ['minutes.config.yaml', 'organizations', 'minutes']) {
    cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

const listMinutes = () =>
  readdirSync(path.join(project, 'minutes'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort();

describe('minutes new (not a terminal: flags only)', () => {
  it('writes the minute in its place, prints only its path, and the minute validates', async () => {
    const run = await minutes(['new', '--group', 'cizinci', '--date', '2022-01-10'], project);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('minutes/2022/2022-01-10-cizinci.md\n');
    expect(run.stderr).toContain('Nový koncept zápisu');
    const text = readFileSync(path.join(project, 'minutes/2022/2022-01-10-cizinci.md'), 'utf8');
    expect(frontmatterOf(text)).toMatchObject({
      date: '2022-01-10',
      // Announced in the minute of 2021-10-25 as "2022-01-10 14:00".
      time: '14:00',
      group: 'cizinci',
      venue: 'ČvT',
      status: 'draft',
      recorder: 'Lukáš Průcha',
    });
    expect(frontmatterOf(text).attendees).toHaveLength(11);
    expect(text).toContain('- **Most k Naději.** …');

    const validate = await minutes(['validate'], project);
    expect(validate.stdout).toMatch(/Bez problémů/);
    expect(validate.code).toBe(0);
  }, SLOW);

  it('prints the path relative to where it was run, and takes --root', async () => {
    const run = await minutes(['new', '--root', project, '--group', 'rps', '--date', '2025-01-13'], tmpdir());
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(path.relative(tmpdir(), path.join(project, 'minutes/2025/2025-01-13-rps.md')).split(path.sep).join('/'));
  }, SLOW);

  it('takes the flags over the defaults, and dates as the secretary writes them', async () => {
    const run = await minutes(
      ['new', '--group', 'cizinci', '--date', '10. 1. 2022', '--time', '9:30', '--venue', 'online'],
      project,
    );
    expect(run.code).toBe(0);
    const fm = frontmatterOf(readFileSync(path.join(project, run.stdout.trim()), 'utf8'));
    expect(fm).toMatchObject({ date: '2022-01-10', time: '09:30', venue: 'online' });
  }, SLOW);

  it('refuses to overwrite: the same command twice writes once (exit 1)', async () => {
    const first = await minutes(['new', '--group', 'cizinci', '--date', '2022-01-10'], project);
    expect(first.code).toBe(0);
    const file = path.join(project, first.stdout.trim());
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nRozepsaný text.\n`);
    const before = readFileSync(file, 'utf8');

    const second = await minutes(['new', '--group', 'cizinci', '--date', '2022-01-10'], project);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain('nepřepíšu');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(listMinutes()).toHaveLength(4);
  }, SLOW);

  it('refuses to overwrite a file that is there but is no valid minute', async () => {
    const file = path.join(project, 'minutes/2022/2022-01-10-cizinci.md');
    cpSync(path.join(project, 'minutes/2021/2021-10-25-cizinci.md'), file);
    writeFileSync(file, 'rozepsáno, bez záhlaví\n');
    const run = await minutes(['new', '--group', 'cizinci', '--date', '2022-01-10'], project);
    expect(run.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('rozepsáno, bez záhlaví\n');
  }, SLOW);

  it('gives a second meeting of the day, at another time, the -2 suffix; at the same time refuses', async () => {
    const second = await minutes(['new', '--group', 'cizinci', '--date', '2021-10-25', '--time', '14:00'], project);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('minutes/2021/2021-10-25-cizinci-2.md\n');
    const same = await minutes(['new', '--group', 'cizinci', '--date', '2021-10-25', '--time', '09:00'], project);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('jiný čas');
    expect((await minutes(['validate'], project)).code).toBe(0);
  }, SLOW);

  describe('wrong usage exits 2 with a Czech message, writes nothing and asks nothing', () => {
    it.each([
      ['no group and no date', ['new'], 'Chybí skupina (--group'],
      ['no date', ['new', '--group', 'cizinci'], 'Chybí datum jednání (--date RRRR-MM-DD)'],
      ['no group', ['new', '--date', '2025-01-13'], 'Chybí skupina'],
      ['an unknown group', ['new', '--group', 'cizinky', '--date', '2025-01-13'], 'Neznámá skupina „cizinky“'],
      ['a date that does not exist', ['new', '--group', 'rps', '--date', '2025-02-30'], 'Neplatné datum „2025-02-30“'],
      ['a time that is no time', ['new', '--group', 'rps', '--date', '2025-01-13', '--time', '25:00'], 'Neplatný čas „25:00“'],
      ['an unknown option', ['new', '--skupina', 'rps'], 'neznámá volba „--skupina“'],
      ['a path', ['new', 'minutes/2025/2025-01-13-rps.md'], 'nebere žádné cesty'],
    ])('%s', async (_, args, message) => {
      const run = await minutes(args, project);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(2);
      expect(listMinutes()).toHaveLength(3);
    }, SLOW);
  });

  it('is listed in the help', async () => {
    const run = await minutes(['--help'], project);
    expect(run.stdout).toMatch(/^\s+new\s/m);
    expect(run.stdout).toContain('--group <id>');
  }, SLOW);
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('minutes new in a terminal asks for what the flags did not say', () => {
  it('asks group, date, time and venue; Enter keeps the default, - leaves it out', () => {
    const command = `'${process.execPath}' '${BIN}' new`;
    // Group 1 (cizinci), the date, Enter = the announced 14:00, "-" = no venue.
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: project,
      input: '1\n2022-01-10\n\n-\n',
      encoding: 'utf8',
      timeout: SLOW,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stdout).toContain('Skupina (číslo nebo id)');
    expect(run.stdout).toContain('Datum jednání (RRRR-MM-DD) [');
    expect(run.stdout).toContain('Čas začátku (HH:MM) [14:00');
    expect(run.stdout).toContain('Místo jednání [ČvT');
    const file = path.join(project, 'minutes/2022/2022-01-10-cizinci.md');
    expect(existsSync(file)).toBe(true);
    const fm = frontmatterOf(readFileSync(file, 'utf8'));
    expect(fm).toMatchObject({ date: '2022-01-10', time: '14:00', group: 'cizinci' });
    expect(fm).not.toHaveProperty('venue');
  }, SLOW);
});

describe('collectOptions', () => {
  const archive: ScaffoldArchive = {
    groups: [
      { id: 'cizinci', name: 'PS cizinci', short: 'PS cizinci' },
      { id: 'rps', name: 'ŘPS', short: 'ŘPS' },
    ],
    organizations: {},
    meetings: [
      {
        id: '2024-05-13-rps',
        file: 'minutes/2024/2024-05-13-rps.md',
        date: '2024-05-13',
        group: 'rps',
        venue: 'KÚLK',
        attendees: [],
        topics: ['x'],
        updates: [],
        announced: [{ group: 'rps', date: '2024-09-09', time: '13:30' }],
      },
    ],
    openTasks: [],
    files: ['minutes/2024/2024-05-13-rps.md'],
  };

  /** A prompter that answers from a script and records the questions. */
  function scripted(answers: string[]): Prompter & { questions: string[] } {
    const questions: string[] = [];
    return {
      questions,
      ask: async (question) => {
        questions.push(question);
        const answer = answers.shift();
        if (answer === undefined) throw new Error(`unexpected question: ${question}`);
        return answer;
      },
    };
  }

  it('asks only for what the flags lack', async () => {
    const prompter = scripted([]);
    const options = await collectOptions({ group: 'rps', date: '2024-09-09', time: '10:00', venue: 'online' }, archive, prompter, '2024-01-01');
    expect(options).toEqual({ group: 'rps', date: '2024-09-09', time: '10:00', venue: 'online' });
    expect(prompter.questions).toEqual([]);
  });

  it("offers today's date, the announced time and the last venue as defaults", async () => {
    const prompter = scripted(['2', '', '', '']);
    const options = await collectOptions({}, archive, prompter, '2024-09-09');
    expect(options).toEqual({ group: 'rps', date: '2024-09-09', time: '13:30', venue: 'KÚLK' });
    expect(prompter.questions[1]).toContain('[2024-09-09]');
    expect(prompter.questions[2]).toContain('[13:30');
    expect(prompter.questions[3]).toContain('[KÚLK');
  });

  it('asks again after an answer it cannot use', async () => {
    const prompter = scripted(['9', 'RPS', '31. 2. 2024', '9. 9. 2024', '25:00', '9:05', '-']);
    const options = await collectOptions({}, archive, prompter, '2024-01-01');
    expect(options).toEqual({ group: 'rps', date: '2024-09-09', time: '09:05', venue: null });
    expect(prompter.questions).toHaveLength(7);
    expect(prompter.questions[1]).toContain('Zadejte číslo 1–2');
  });

  it('without a terminal, never asks: what is missing is a usage error', async () => {
    await expect(collectOptions({ group: 'rps' }, archive, undefined, '2024-01-01')).rejects.toThrow(UsageError);
    await expect(collectOptions({ group: 'rps', date: '2024-09-09' }, archive, undefined, '2024-01-01')).resolves.toEqual({
      group: 'rps',
      date: '2024-09-09',
    });
  });
});
