import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { generateArchive, type GenerateOptions } from '../../src/bench/generate.ts';
import { REPO_ROOT } from '../../src/bench/run.ts';

/**
 * A generated archive for the tests of the enclosing describe block: made before them, removed
 * after them. Returns its root, to be called inside a test.
 */
export function generatedArchiveForTests(archive: Pick<GenerateOptions, 'minutes' | 'seed'>): () => string {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kpss-generated-'));
    await generateArchive({ root, repoRoot: REPO_ROOT, ...archive });
  }, 60_000);
  afterAll(() => rm(root, { recursive: true, force: true }));
  return () => root;
}

/** The text of every Markdown file under `dir`. */
export async function markdownFilesUnder(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.md'));
  return Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')));
}
