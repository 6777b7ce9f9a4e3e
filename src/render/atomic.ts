import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Produces a directory atomically: `produce` fills a fresh temporary directory next to `target`
 * (same file system, so renames are atomic); only when it resolves is the temporary directory
 * swapped into place with renames. When it throws, the temporary directory is removed and
 * `target` is left exactly as it was. A build killed half-way leaves only such a temporary
 * directory behind, never a half-written target; the next build clears it away.
 */
export async function writeDirectoryAtomically<T>(target: string, produce: (dir: string) => Promise<T>): Promise<T> {
  const absolute = path.resolve(target);
  const parent = path.dirname(absolute);
  const name = path.basename(absolute);
  await mkdir(parent, { recursive: true });
  await recoverAndClear(parent, name);
  const temp = await mkdtemp(path.join(parent, `.${name}.new-`));
  let result: T;
  try {
    result = await produce(temp);
  } catch (error) {
    await removeSettled(temp);
    throw error;
  }
  // A build whose launcher was killed stops when it hears the IPC channel close (diesWithParent in
  // bin/heap-limit.js), which it can hear only between tasks: one turn of the event loop (its poll
  // phase reads the channel) right before publishing, so a build killed before then publishes nothing.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const old = existsSync(absolute) ? `${temp.replace(/\.new-([^/\\]+)$/, '.old-$1')}` : undefined;
  try {
    if (old) await rename(absolute, old);
    try {
      await rename(temp, absolute);
    } catch (error) {
      if (old) await rename(old, absolute);
      throw error;
    }
  } catch (error) {
    await removeSettled(temp);
    throw error;
  }
  if (old) await removeInBackground(old);
  return result;
}

/**
 * Removes the replaced directory without the build waiting for it: unlinking the 30,000 files of
 * a 10,000-minute site took 2 s of every build. A detached process removes it while the build goes
 * on and exits; what it does not finish (the machine stops) the next build clears like any other
 * `.old-*`. Without a process, it is removed here.
 */
async function removeInBackground(dir: string): Promise<void> {
  try {
    const remover = spawn(process.execPath, ['-e', REMOVE, dir], { detached: true, stdio: 'ignore' });
    remover.on('error', () => void rm(dir, { recursive: true, force: true }).catch(() => {}));
    remover.unref();
  } catch {
    await rm(dir, { recursive: true, force: true });
  }
}

const REMOVE = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';

/**
 * What builds killed before they could clean up left behind. A kill between the two renames of
 * the swap leaves the published site only as `.<name>.old-*`: it is put back first, so nothing
 * published is ever lost; then every staging directory is removed.
 */
async function recoverAndClear(parent: string, name: string): Promise<void> {
  const entries = await readdir(parent);
  const target = path.join(parent, name);
  const previous = entries.filter((entry) => entry.startsWith(`.${name}.old-`));
  if (!existsSync(target) && previous.length === 1) await rename(path.join(parent, previous[0]!), target);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.${name}.new-`) || entry.startsWith(`.${name}.old-`)) {
      await rm(path.join(parent, entry), { recursive: true, force: true });
    }
  }
}

/**
 * A renderer that fails may still have writes in flight (Eleventy rejects on the first failed
 * template while others are being written), and they would recreate the directory after a single
 * removal. Remove it until it stays gone.
 */
async function removeSettled(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await rm(dir, { recursive: true, force: true });
    await sleep(50);
    if (!existsSync(dir)) return;
  }
}
