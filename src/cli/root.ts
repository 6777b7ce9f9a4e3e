import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../registers/project.ts';

/** The archive a command works on: --root, else the nearest folder up from here with the config file. */
export function resolveRoot(explicit: string | undefined, cwd = process.cwd()): string {
  if (explicit) return path.resolve(cwd, explicit);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
