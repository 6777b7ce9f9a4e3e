/**
 * The registers (config and organizations) as a run with the same register files and the same tool
 * loaded them, kept in the cache folder. A warm run then neither parses their YAML nor loads zod
 * and the schemas to check them: together a quarter of a warm `minutes validate` of 10,000 minutes.
 *
 * The entry is keyed by the cache salt (the tool and every register file's path and bytes), as
 * every minute's entry is, and by the Node version, whose serializer wrote it. It is stored with
 * v8.serialize, which keeps what JSON would not (the Maps, a key whose value is undefined), so the
 * registers read back equal those loaded.
 */
import path from 'node:path';
import v8 from 'node:v8';
import type { ProjectPaths } from '../registers/project.ts';
import type { Registers } from '../registers/load-registers.ts';
import { cacheSalt, readSealedBytes, writeSealedBytes } from './cache.ts';

interface Stored {
  salt: string;
  node: string;
  registers: Registers;
}

const FILE = 'registers.v8';

/** The project's registers: from the cache folder when `cache` holds them under its salt, else loaded (and stored there). */
export async function cachedRegisters(paths: ProjectPaths, cache?: { dir: string; salt: string }): Promise<Registers> {
  const file = cache && path.join(cache.dir, FILE);
  const stored = file && storedRegisters(file);
  if (stored && stored.salt === cache.salt && stored.node === process.version) return stored.registers;
  // Loaded only here: the YAML parser, zod and the schemas are most of what a warm check would load.
  const { loadRegisters } = await import('../registers/load-registers.ts');
  const registers = await loadRegisters(paths);
  // A register file changed while it was read would store the new registers under the old salt,
  // where the old bytes, put back, would find them.
  if (file && (await cacheSalt(paths)) === cache.salt) {
    await writeSealedBytes(file, v8.serialize({ salt: cache.salt, node: process.version, registers } satisfies Stored));
  }
  return registers;
}

function storedRegisters(file: string): Stored | undefined {
  const bytes = readSealedBytes(file);
  try {
    return bytes && (v8.deserialize(bytes) as Stored);
  } catch {
    return undefined; // Not what this version wrote: loaded again and overwritten.
  }
}
