/** `minutes extract` as a member or a tool runs it: the real bin, the open data and the summary. */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/bench/generate.ts';
import { MODEL_VERSION } from '../../src/model/types.ts';
import { FIXTURES, materializeCase, removeProject } from '../helpers/fixture-project.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'minutes.js');

function minutes(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('minutes extract', () => {
  it('prints the open data of the real archive as versioned JSON', async () => {
    const run = await minutes(['extract', '--format', 'json']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data.version).toBe(MODEL_VERSION);
    expect(Object.keys(data)).toEqual(['version', 'site', 'groups', 'meetings', 'organizations', 'people', 'tasks', 'decisions', 'upcoming']);
    expect(run.stdout).not.toContain('"html"');
    const nadeje = data.organizations.find((o: { id: string }) => o.id === 'nadeje');
    expect(nadeje.updates.map((u: { meeting: string }) => u.meeting)).toEqual(['2018-02-12-cizinci', '2021-10-25-cizinci']);
    expect(data.upcoming.filter((u: { pending: boolean }) => u.pending).map((u: { date: string }) => u.date)).toEqual([
      '2022-01-10',
      '2022-03-14',
    ]);
  });

  it('stops quietly when whoever reads its output has read enough (minutes extract --format json | head)', { timeout: 60_000 }, async () => {
    // Far more than a pipe holds, so the writes after the reader has gone fail.
    const root = await mkdtemp(path.join(os.tmpdir(), 'kpss-extract-pipe-'));
    await generateArchive({ root, minutes: 60, groups: 3, repoRoot: ROOT });
    const child = spawn(process.execPath, [BIN, 'extract', '--root', root, '--format', 'json'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like head: the first bytes, and the pipe is closed with the rest of the document unread.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await rm(root, { recursive: true, force: true });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('prints a readable Czech summary by default', async () => {
    const run = await minutes(['extract']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 zápisy');
    expect(run.stdout).toMatch(/Naděje: 2 informace/);
    expect(run.stdout).toContain('10. ledna 2022 v 14:00');
  });

  it('refuses an archive with errors and says what to fix, exit 1', async () => {
    const project = await materializeCase(path.join(FIXTURES, 'unknown-key-suggestion'));
    try {
      const run = await minutes(['extract', '--root', project, '--format', 'json']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('unknown-key');
    } finally {
      await removeProject(project);
    }
  });

  it('rejects an unknown format with exit 2', async () => {
    const run = await minutes(['extract', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Neznámý formát');
  });
});
