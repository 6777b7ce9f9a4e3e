/**
 * bin/cli-bundle.js: the CLI runs from one esbuild bundle per version of the code, in which every
 * module keeps its own import.meta.url (templates, worker modules and the search client are found
 * next to the sources), and commands stay in chunks of their own so `validate` loads no Eleventy.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { codeVersion, workerBundleDir } from '../bin/cli-bundle.js';
import { copyProject } from './workflow/support.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'kpss-minutes', `cli-${codeVersion().slice(0, 20)}`);

describe('the CLI bundle', () => {
  it('is built on the first run and answers as the sources do', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'minutes.js'), 'validate', '--format', 'json', '--no-cache'], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual([]);
    const files = await readdir(BUNDLE);
    expect(files).toContain('main.js');
    expect(files.some((f) => f.startsWith('validate-')), 'validate is a chunk of its own').toBe(true);
  }, 120_000);

  it('keeps each module its own URL and loads Eleventy only in the chunks that render', async () => {
    const chunks = await Promise.all((await readdir(BUNDLE)).filter((f) => f.endsWith('.js')).map(async (f) => [f, await readFile(path.join(BUNDLE, f), 'utf8')] as const));
    // The first line of each chunk is the require() shim for the bundled CommonJS dependencies, the
    // one place where the chunk's own URL is meant.
    const all = chunks.map(([, text]) => text.slice(text.indexOf('\n') + 1)).join('\n');
    expect(all).toContain(JSON.stringify(pathToFileURL(path.join(ROOT, 'src', 'render', 'render-site.ts')).href));
    expect(all).not.toMatch(/\bimport\.meta\.url\b(?![^"\n]*";)/);
    const validate = chunks.find(([f]) => f.startsWith('validate-'))![1];
    expect(validate).not.toContain('@11ty/eleventy');
  });

  it('loads for `validate` neither Eleventy nor zod and the schemas: a warm check takes the registers from the cache', async () => {
    const chunks = new Map(await Promise.all((await readdir(BUNDLE)).filter((f) => f.endsWith('.js')).map(async (f) => [f, await readFile(path.join(BUNDLE, f), 'utf8')] as const)));
    const validate = [...chunks.keys()].find((f) => f.startsWith('validate-'))!;
    // What `minutes validate` loads before it can need anything more: the chunks main.js and the
    // command's chunk import statically (esbuild writes `import … from "./chunk.js";` at the top
    // of a chunk, and import("./chunk.js") for what is loaded on demand).
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const [, imported] of chunks.get(file)!.matchAll(/^import\s+(?:[^;]*?\s+from\s+)?"\.\/([^"]+)";/gms)) visit(imported!);
    };
    visit('main.js');
    visit(validate);
    expect(loaded.size).toBeGreaterThan(3);
    const modules = [...loaded].flatMap((file) => [...chunks.get(file)!.matchAll(/^\/\/ (node_modules\/[^\n]+|src\/[^\n]+)$/gm)].map((m) => m[1]!));
    expect(modules).toContain('src/pipeline/analyze-archive.ts');
    expect(modules.filter((m) => /^node_modules\/(zod|@11ty)\/|^src\/schema\//.test(m))).toEqual([]);
  });

  it('gets a new version when a source file changes or the checkout moves, and only then', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'kpss-bundle-'));
    try {
      await cp(path.join(ROOT, 'src'), path.join(copy, 'src'), { recursive: true });
      await cp(path.join(ROOT, 'package-lock.json'), path.join(copy, 'package-lock.json'));
      const before = codeVersion(copy);
      expect(before).toMatch(/^[0-9a-f]{40}$/);
      // Same sources elsewhere: the bundle holds absolute module URLs, so it is not shared.
      expect(before).not.toBe(codeVersion());
      expect(codeVersion(copy)).toBe(before);
      await appendFile(path.join(copy, 'src', 'report', 'stylish.ts'), '\n// changed\n');
      expect(codeVersion(copy)).not.toBe(before);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('removes, when it builds a new one, the bundles of other versions that no run has used for a week', async () => {
    const bundles = path.dirname(BUNDLE);
    const name = (kind: string) => `${kind}-${randomBytes(10).toString('hex')}`;
    const days = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000);
    const unused = [name('cli'), name('workers')];
    const used = name('cli');
    for (const dir of [...unused, used]) await mkdir(path.join(bundles, dir, 'chunks'), { recursive: true });
    for (const dir of unused) await utimes(path.join(bundles, dir), days(8), days(8));
    await utimes(path.join(bundles, used), days(6), days(6));
    // A copy of the checkout is a new version of the code: its first run builds its bundle.
    const project = copyProject('kpss-bundle-prune-');
    const version = codeVersion(project);
    const copyBundle = path.join(bundles, `cli-${version.slice(0, 20)}`);
    const bin = path.join(project, 'bin', 'minutes.js');
    try {
      await promisify(execFile)(process.execPath, [bin, 'validate', '--format', 'json', '--no-cache'], { cwd: project });
      const left = await readdir(bundles);
      expect(left).toContain(path.basename(copyBundle));
      expect(left).toContain(used);
      expect(left.filter((dir) => unused.includes(dir))).toEqual([]);
      // A run marks the bundle it uses, so that it is not the one removed.
      await utimes(copyBundle, days(8), days(8));
      await promisify(execFile)(process.execPath, [bin, 'validate', '--format', 'json', '--no-cache'], { cwd: project });
      expect(Date.now() - (await stat(copyBundle)).mtimeMs).toBeLessThan(3600 * 1000);
    } finally {
      await rm(project, { recursive: true, force: true });
      for (const dir of [...unused, used, path.basename(copyBundle), path.basename(workerBundleDir(version))]) {
        await rm(path.join(bundles, dir), { recursive: true, force: true });
      }
    }
  }, 120_000);
});
