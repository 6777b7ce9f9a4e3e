import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Calls `onChange` when anything under the given folders changes. One non-recursive watcher per
 * folder: Node 20's recursive fs.watch on Linux loses files that editors save by replacing them
 * (write a temp file, rename it over), which is how most editors and `sed -i` save.
 */
export function watchTree(roots: readonly string[], onChange: (file: string) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string) => {
    if (watchers.has(dir) || !existsSync(dir)) return;
    try {
      const watcher = watch(dir, (_event, name) => {
        const file = path.join(dir, name ? String(name) : '');
        rescan(dir);
        onChange(file);
      });
      watcher.on('error', () => forget(dir));
      watchers.set(dir, watcher);
    } catch {
      return;
    }
    for (const entry of safeReaddir(dir)) if (entry.isDirectory()) add(path.join(dir, entry.name));
  };
  const forget = (dir: string) => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };
  const rescan = (dir: string) => {
    for (const watched of [...watchers.keys()]) if (!existsSync(watched)) forget(watched);
    add(dir);
    for (const entry of safeReaddir(dir)) if (entry.isDirectory()) add(path.join(dir, entry.name));
  };
  for (const root of roots) add(path.resolve(root));
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function safeReaddir(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
