/**
 * `minutes serve` as a secretary uses it: the real bin on a copy of the archive, a page with the
 * live-reload script (a file, CSP-compatible), a rebuild and a reload event after an edit saved the
 * way editors save (write elsewhere, rename over), the last good site kept when an edit breaks it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support.ts';

let project: string;
let child: ChildProcess;
let url: string;
let stdout = '';
let stderr = '';
const events: string[] = [];

function waitFor(check: () => boolean, what: string, timeout = 60_000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - start > timeout) return reject(new Error(`Timed out waiting for ${what}.\nstdout: ${stdout}\nstderr: ${stderr}`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

/** Saves like an editor: the new content goes to a temporary file renamed over the old one. */
async function save(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
  await writeFile(temp, content);
  await rename(temp, file);
}

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'kpss-serve-'));
  for (const part of ['minutes', 'organizations', 'minutes.config.yaml']) {
    await cp(path.join(ROOT, part), path.join(project, part), { recursive: true });
  }
  child = spawn(process.execPath, [path.join(ROOT, 'bin/minutes.js'), 'serve', '--root', project, '--port', '0'], {
    cwd: project,
    env: { ...process.env, NO_COLOR: '1' },
  });
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  await waitFor(() => /Web běží na (http:\/\/\S+\/) /.test(stdout), 'the server to start');
  url = /Web běží na (http:\/\/\S+\/) /.exec(stdout)![1]!;
  http.get(`${url}__minutes/events`, (response) => response.on('data', (chunk) => events.push(String(chunk))));
  await waitFor(() => events.length > 0, 'the event stream');
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  if (project) await rm(project, { recursive: true, force: true });
});

describe('minutes serve', () => {
  it('serves the built site with the live-reload script as a file', async () => {
    expect(stdout).toMatch(/^✔ Web sestaven do /m);
    const page = await (await fetch(`${url}zapisy/2021-10-25-cizinci/`)).text();
    expect(page).toContain(`<script src="/__minutes/reload.js" defer></script></body>`);
    const script = await fetch(`${url}__minutes/reload.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toContain('EventSource');
    expect((await fetch(`${url}neni-tu/`)).status).toBe(404);
  });

  it('rebuilds and reloads the browser when a minute changes', async () => {
    const file = path.join(project, 'minutes/2021/2021-10-25-cizinci.md');
    const before = events.join('');
    await save(file, (await readFile(file, 'utf8')).replace(/^venue: .*$/m, 'venue: Dům kultury, sál 2'));
    await waitFor(() => events.join('').length > before.length && events.join('').includes('event: reload'), 'a reload event');
    const page = await (await fetch(`${url}zapisy/2021-10-25-cizinci/`)).text();
    expect(page).toContain('<dt>Místo</dt><dd>Dům kultury, sál 2</dd>');
  });

  it('keeps serving the last good site when an edit has errors', async () => {
    const file = path.join(project, 'minutes/2021/2021-10-25-cizinci.md');
    await save(file, (await readFile(file, 'utf8')).replace(/^group: .*$/m, 'group: neexistujici-skupina'));
    await waitFor(() => stderr.includes('Web nebyl sestaven'), 'the error report');
    const page = await (await fetch(`${url}zapisy/2021-10-25-cizinci/`)).text();
    expect(page).toContain('Dům kultury, sál 2');
  });

  it('stops on SIGTERM', async () => {
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('Server zastaven.');
  });
});
