/**
 * Builds that cannot half-fail. `minutes build` is killed with SIGKILL at several moments (as
 * staging starts, while rendering, while Pagefind indexes); the previous _site/ must stay
 * byte-identical and the next build must succeed, giving the same bytes again. A corrupted cache
 * (truncated, garbage, edited entries) must be detected and rebuilt: the output equals a cold build.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { cp, mkdir, mkdtemp, readdir, rm, truncate, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { descendantsOf } from '../../src/bench/measure.ts';
import { ROOT, snapshot } from '../site/support.ts';
import { cacheEntries, damageEntry, overwriteEntry } from '../helpers/cache-packs.ts';

const BIN = path.join(ROOT, 'bin', 'minutes.js');
let work: string;
let project: string;
let site: string;
let good: Record<string, string>;

function build(args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', '--root', project, '--out', site, ...args], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

const staging = () => readdirSync(work).filter((name) => name.startsWith('._site.'));

/**
 * Starts a build and kills it with SIGKILL when `when` says so (polled every 5 ms). The build runs
 * in a child Node with a larger heap (bin/heap-limit.js); only the process started here is killed,
 * as a cancelled job or `kill -9` would, and the whole tree must be gone before the site is checked.
 */
function buildKilledWhen(when: (elapsed: number, ownStaging: () => string[]) => boolean): Promise<{ killed: boolean; processes: number; survivors: number[] }> {
  // Earlier kills leave their staging folders behind: only this build's own tell where it is.
  const leftovers = new Set(staging());
  const ownStaging = () => staging().filter((name) => !leftovers.has(name));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', '--root', project, '--out', site, '--no-cache'], { cwd: project, stdio: 'ignore' });
    const started = Date.now();
    let killed = false;
    let tree: number[] = [];
    const timer = setInterval(() => {
      if (!killed && when(Date.now() - started, ownStaging)) {
        killed = true;
        tree = descendantsOf(child.pid!);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('exit', async () => {
      clearInterval(timer);
      for (let waited = 0; waited < 10_000 && tree.some(isAlive); waited += 20) await sleep(20);
      resolve({ killed, processes: tree.length, survivors: tree.filter(isAlive) });
    });
  });
}

function isAlive(pid: number): boolean {
  // A zombie has exited; only its parent, gone too, would have collected it.
  return existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readQuietly(`/proc/${pid}/status`));
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'kpss-kill-'));
  project = path.join(work, 'project');
  await mkdir(project);
  for (const entry of ['minutes.config.yaml', 'organizations', 'minutes']) await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  site = path.join(work, '_site');
  const first = await build(['--no-cache']);
  expect(first.code, first.stderr).toBe(0);
  good = await snapshot(site);
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('kill -9 during a build', () => {
  const moments: [string, (elapsed: number, ownStaging: () => string[]) => boolean][] = [
    ['right after the start', (t) => t > 50],
    ['as soon as the staging folder exists', (_, own) => own().length > 0],
    ['while rendering (staging has pages)', (_, own) => own().some((s) => existsSync(path.join(work, s, 'zapisy')))],
    // The staging folder only: the published site set aside by the swap (`.old-*`) has a pagefind/ too.
    ['while Pagefind indexes', (_, own) => own().some((s) => s.includes('.new-') && existsSync(path.join(work, s, 'pagefind')))],
    ['at 1.5 s', (t) => t > 1500],
    ['at 3 s', (t) => t > 3000],
  ];

  const ATTEMPTS_TO_CATCH_A_MOMENT = 5;

  it.each(moments)('leaves the previous _site whole when killed %s', async (moment, when) => {
    const tiedToProgress = !moment.startsWith('at ');
    let published = statSync(site).ino;
    let attempt = await buildKilledWhen(when);
    // The bundled archive indexes in a few tens of milliseconds: on a loaded machine that moment can
    // pass between two polls, and the build publishes. Such a build is tried again.
    for (let tries = 1; tiedToProgress && !attempt.killed && tries < ATTEMPTS_TO_CATCH_A_MOMENT; tries++) {
      published = statSync(site).ino;
      attempt = await buildKilledWhen(when);
    }
    const { killed, processes, survivors } = attempt;
    // The moments tied to the build's own progress must be reached; a fixed time may come after a fast build.
    if (tiedToProgress) expect(killed, 'the build was killed').toBe(true);
    // Staging is made by the relaunched build process, which must die with the one that was killed.
    // It must not finish on its own either and swap its site in (the same bytes, a new directory).
    if (/staging|rendering|Pagefind/.test(moment)) {
      expect(processes).toBeGreaterThan(0);
      expect(statSync(site).ino, 'the killed build published nothing').toBe(published);
    }
    expect(survivors, 'no process of the killed build lives on').toEqual([]);
    expect(existsSync(site), '_site must exist').toBe(true);
    expect(await snapshot(site)).toEqual(good);
  }, 60_000);

  it('builds again after the kills, byte-identical to the first build; leftovers stay outside _site', async () => {
    const leftovers = staging();
    const again = await build(['--no-cache']);
    expect(again.code, again.stderr).toBe(0);
    expect(await snapshot(site)).toEqual(good);
    // Killed builds leave their staging folders next to _site (never inside it, never served)…
    for (const name of leftovers) expect(name).toMatch(/^\._site\.(?:new|old)-/);
    // …and the next build that succeeds clears them, and the site it replaced, away.
    await vi.waitFor(() => expect(staging()).toEqual([]), { timeout: 10_000 });
  }, 120_000);
});

describe('a corrupted cache', () => {
  it('is detected and rebuilt, never trusted: the output equals a cold build', async () => {
    const cache = path.join(work, 'cache');
    const warm = await build(['--cache-dir', cache]);
    expect(warm.code, warm.stderr).toBe(0);
    expect(await snapshot(site)).toEqual(good);
    // Three kinds of damage, round robin over every entry of the packs…
    const entries = [...cacheEntries(cache).values()];
    expect(entries.length).toBeGreaterThan(0);
    for (const [i, entry] of entries.entries()) {
      if (i % 3 === 0) damageEntry(entry);
      else if (i % 3 === 1) overwriteEntry(entry, Buffer.alloc(entry.length - 41, 0xde));
      else overwriteEntry(entry, Buffer.from(JSON.stringify({ diagnostics: [], frontmatter: { date: '1999-01-01' } }).padEnd(entry.length - 41)));
    }
    // …and over every other file of the cache (the archive index, the render and search manifests).
    const files = (await readdir(cache, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && path.basename(e.parentPath) !== 'packs').map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(1);
    for (const [i, file] of files.entries()) {
      if (i % 3 === 0) await truncate(file, Math.floor((await readFile(file)).length / 2));
      else if (i % 3 === 1) await writeFile(file, Buffer.from([0xff, 0x00, 0x13, 0x37, 0xde, 0xad]));
      else {
        const text = await readFile(file, 'utf8');
        const newline = text.indexOf('\n');
        await writeFile(file, `${text.slice(0, newline + 1)}${JSON.stringify({ diagnostics: [], frontmatter: { date: '1999-01-01' } })}`);
      }
    }
    const after = await build(['--cache-dir', cache]);
    expect(after.code, after.stderr).toBe(0);
    expect(await snapshot(site)).toEqual(good);
    // And a cache that is not a folder at all does not break the build.
    const bogus = path.join(work, 'not-a-folder');
    await writeFile(bogus, 'x');
    const odd = await build(['--cache-dir', bogus]);
    expect(odd.code, odd.stderr).toBe(0);
    expect(await snapshot(site)).toEqual(good);
  }, 180_000);
});
