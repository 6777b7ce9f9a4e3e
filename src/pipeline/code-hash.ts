import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../', import.meta.url));
const remembered = new Map<string, string>();

/** Hash of the TypeScript and JSON sources under the given folders of src/: a new version of the code, a new hash. */
export function codeHash(dirs: readonly string[]): string {
  const key = dirs.join('\0');
  const known = remembered.get(key);
  if (known) return known;
  const hash = createHash('sha256');
  for (const dir of dirs) {
    const base = path.join(SRC, dir);
    if (!existsSync(base)) continue;
    const files = readdirSync(base, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|json)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(path.relative(SRC, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const digest = hash.digest('hex');
  remembered.set(key, digest);
  return digest;
}
