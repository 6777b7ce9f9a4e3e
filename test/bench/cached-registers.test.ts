/**
 * The registers kept in the cache folder (src/pipeline/cached-registers.ts): a run with the same
 * register files and tool reads them from there, equal to loaded ones (their diagnostics too), and
 * any change to a register file, or a damaged entry, loads them again.
 */
import { existsSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheSalt } from '../../src/pipeline/cache.ts';
import { cachedRegisters } from '../../src/pipeline/cached-registers.ts';
import * as registersModule from '../../src/registers/load-registers.ts';
import { projectPaths } from '../../src/registers/project.ts';
import { FIXTURES, materializeCase, removeProject } from '../helpers/fixture-project.ts';

vi.mock('../../src/registers/load-registers.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof registersModule>();
  return { ...actual, loadRegisters: vi.fn(actual.loadRegisters) };
});

const loadRegisters = vi.mocked(registersModule.loadRegisters);
let root: string;

const cacheOf = async (dir: string) => ({ dir, salt: await cacheSalt(projectPaths(root)) });

describe('registers in the cache folder', () => {
  beforeAll(async () => {
    // Organizations with problems: their diagnostics must come back from the cache as loaded.
    root = await materializeCase(path.join(FIXTURES, 'register-organization-problems'));
  });
  afterAll(async () => removeProject(root));
  beforeEach(() => {
    loadRegisters.mockClear();
  });

  it('are read back equal to loaded ones, without loading them again', async () => {
    const cacheDir = path.join(root, '.cache', 'same');
    const paths = projectPaths(root);
    const loaded = await cachedRegisters(paths, await cacheOf(cacheDir));
    expect(loadRegisters).toHaveBeenCalledTimes(1);
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    expect(loaded.organizations.size).toBeGreaterThan(0);

    const again = await cachedRegisters(paths, await cacheOf(cacheDir));
    expect(loadRegisters).toHaveBeenCalledTimes(1);
    expect(again).toStrictEqual(loaded);
    expect(again).toStrictEqual(await registersModule.loadRegisters(paths));
  });

  it('are loaded again when a register file changes', async () => {
    const cacheDir = path.join(root, '.cache', 'changed');
    const paths = projectPaths(root);
    const file = path.join(root, 'organizations', 'romodrom.yaml');
    const original = await readFile(file);
    try {
      await cachedRegisters(paths, await cacheOf(cacheDir));
      await appendFile(file, 'aliases: [Romodrom Liberec]\n');
      const changed = await cachedRegisters(paths, await cacheOf(cacheDir));
      expect(loadRegisters).toHaveBeenCalledTimes(2);
      expect(changed).toStrictEqual(await registersModule.loadRegisters(paths));
    } finally {
      await writeFile(file, original);
    }
  });

  it('are not kept when a register file changes while they are loaded', async () => {
    const cacheDir = path.join(root, '.cache', 'racing');
    const paths = projectPaths(root);
    const file = path.join(root, 'organizations', 'romodrom.yaml');
    const original = await readFile(file);
    const load = loadRegisters.getMockImplementation()!;
    loadRegisters.mockImplementationOnce(async (paths) => {
      const registers = await load(paths);
      await appendFile(file, 'aliases: [Romodrom Liberec]\n');
      return registers;
    });
    try {
      // The salt was taken from the bytes before the change, the registers from those after it.
      const salt = await cacheOf(cacheDir);
      await cachedRegisters(paths, salt);
      expect(existsSync(path.join(cacheDir, 'registers.v8'))).toBe(false);
      await writeFile(file, original);
      await cachedRegisters(paths, salt);
      expect(loadRegisters).toHaveBeenCalledTimes(2);
    } finally {
      await writeFile(file, original);
    }
  });

  it('are loaded again when the entry is damaged, and with no cache folder at all', async () => {
    const cacheDir = path.join(root, '.cache', 'damaged');
    const paths = projectPaths(root);
    const loaded = await cachedRegisters(paths, await cacheOf(cacheDir));
    const entry = path.join(cacheDir, 'registers.v8');
    const bytes = await readFile(entry);
    // A name changed by hand: still a valid serialization, but not the one sealed.
    // V8 writes a string in one byte per character or in UTF-16, as it holds it.
    const organization = [...loaded.organizations.values()][0]!.name;
    const encoding = bytes.includes(organization, 0, 'latin1') ? 'latin1' : 'utf16le';
    const at = bytes.indexOf(organization, 0, encoding);
    expect(at).toBeGreaterThan(0);
    bytes.write('X', at, encoding);
    await writeFile(entry, bytes);
    expect(await cachedRegisters(paths, await cacheOf(cacheDir))).toStrictEqual(loaded);
    expect(loadRegisters).toHaveBeenCalledTimes(2);

    expect(await cachedRegisters(paths)).toStrictEqual(loaded);
    expect(loadRegisters).toHaveBeenCalledTimes(3);
  });
});
