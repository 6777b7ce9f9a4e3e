import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { launcherAlive } from './launcher.ts';

/**
 * Where `produce` writes: a fresh empty directory, or the spare (see AtomicOptions) when
 * `fromSpare`. A producer given the spare must bring it up to date without writing into any file
 * it leaves there (they may be hard links shared with the published directory): a file it writes
 * must not exist, and whatever the new directory should not hold must go.
 */
export interface Staging {
  dir: string;
  fromSpare: boolean;
  /** Sets the spare aside (removed in the background) and leaves `dir` fresh and empty. */
  discardSpare(): Promise<void>;
}

export interface AtomicOptions {
  /**
   * Keep the replaced directory next to the target as a spare (`.<name>.spare`) instead of removing
   * it, and produce into it next time: a producer that reuses most of the previous directory by
   * hard links then keeps the links the spare already has instead of making its thousands of
   * folders and links again, and nobody unlinks the replaced directory's files.
   */
  spare?: boolean;
}

/**
 * Produces a directory atomically: `produce` fills a temporary directory next to `target`
 * (same file system, so renames are atomic); only when it resolves is the temporary directory
 * swapped into place with renames. When it throws, the temporary directory is removed and
 * `target` is left exactly as it was. A build killed half-way leaves only such a temporary
 * directory behind, never a half-written target; the next build clears it away.
 */
export async function writeDirectoryAtomically<T>(target: string, produce: (dir: string, staging: Staging) => Promise<T>, options: AtomicOptions = {}): Promise<T> {
  const absolute = path.resolve(target);
  const parent = path.dirname(absolute);
  const name = path.basename(absolute);
  await mkdir(parent, { recursive: true });
  const spare = path.join(parent, `.${name}.spare`);
  await recoverAndClear(parent, name, options.spare && existsSync(absolute) ? spare : undefined);
  const staging = await stagingDirectory(parent, name, options.spare && existsSync(spare) ? spare : undefined);
  let result: T;
  try {
    result = await produce(staging.dir, staging);
  } catch (error) {
    await removeSettled(staging.dir);
    throw error;
  }
  const temp = staging.dir;
  // A build whose launcher was killed stops when it hears the IPC channel close (diesWithParent in
  // bin/heap-limit.js): it asks its launcher right before publishing and waits for the answer.
  await launcherAlive();
  const old = existsSync(absolute) ? `${temp.replace(/\.new-([^/\\]+)$/, '.old-$1')}` : undefined;
  // Synchronous, so no turn of the event loop comes between the two renames: a build that hears
  // there that its launcher died would stop with the published directory only under its `.old-` name.
  try {
    if (old) renameSync(absolute, old);
    try {
      renameSync(temp, absolute);
    } catch (error) {
      if (old) renameSync(old, absolute);
      throw error;
    }
  } catch (error) {
    await removeSettled(temp);
    throw error;
  }
  if (old && options.spare) await rename(old, spare).catch(() => removeInBackground(old));
  else if (old) await removeInBackground(old);
  return result;
}

/** The spare renamed to a staging name, or a fresh staging directory. */
async function stagingDirectory(parent: string, name: string, spare: string | undefined): Promise<Staging> {
  const fresh = (dir: string): Staging => ({ dir, fromSpare: false, discardSpare: async () => {} });
  if (!spare) return fresh(await mkdtemp(path.join(parent, `.${name}.new-`)));
  const dir = path.join(parent, `.${name}.new-${randomBytes(6).toString('hex')}`);
  try {
    await rename(spare, dir);
  } catch {
    return fresh(await mkdtemp(path.join(parent, `.${name}.new-`)));
  }
  const staging: Staging = {
    dir,
    fromSpare: true,
    async discardSpare() {
      if (!staging.fromSpare) return;
      await removeAside(parent, name, dir);
      await mkdir(dir);
      staging.fromSpare = false;
    },
  };
  return staging;
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

/**
 * Removes `dir` in the background under an `.old-` name of its own: neither a later spare nor the
 * published directory, which the swap puts aside under the staging directory's suffix, goes with it.
 */
async function removeAside(parent: string, name: string, dir: string): Promise<void> {
  const aside = path.join(parent, `.${name}.old-${randomBytes(6).toString('hex')}`);
  await rename(dir, aside);
  await removeInBackground(aside);
}

const REMOVE = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';

/**
 * What builds killed before they could clean up left behind. A kill between the two renames of
 * the swap leaves the published site only as `.<name>.old-*`: it is put back first, so nothing
 * published is ever lost; then every staging directory is removed, and a spare other than `keep`.
 */
async function recoverAndClear(parent: string, name: string, keep: string | undefined): Promise<void> {
  const entries = await readdir(parent);
  const target = path.join(parent, name);
  const previous = entries.filter((entry) => entry.startsWith(`.${name}.old-`));
  if (!existsSync(target) && previous.length === 1) await rename(path.join(parent, previous[0]!), target);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(`.${name}.new-`) || entry.startsWith(`.${name}.old-`)) {
      await rm(path.join(parent, entry), { recursive: true, force: true });
    } else if (entry === `.${name}.spare` && path.join(parent, entry) !== keep) {
      // A spare nobody will produce into: the target is gone, or the caller keeps none.
      await removeAside(parent, name, path.join(parent, entry));
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
