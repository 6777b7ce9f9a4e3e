/**
 * The per-file cache of read → parse → validate → extract (default folder .cache/minutes, ignored
 * by git; CI may keep it between runs). An entry is keyed by the file's bytes, its path, the
 * registers (config and organizations) and the tool itself (its source and locked dependencies),
 * so any change to what the result depends on is a miss, never a stale hit.
 *
 * Each key has three entries, so `minutes validate` never loads what only the web needs, and a warm
 * build never loads the text of a minute whose page it does not render:
 *   <key>.s  summary: the file's diagnostics and the meeting it records (also kept in the archive index)
 *   <key>.b  body: the validated frontmatter and the extracted data, the model's file-local part
 *            (build only)
 *   <key>.t  text: the minute's text as Markdown, plain text and HTML (text-entry.ts), read only
 *            when a page or the open data shows it (model/stored-text.ts)
 * The entries are appended to packs (pack-store.ts), not kept in a file each. Every entry is sealed
 * (seal.ts): one that does not match its checksum (a truncated write, a corrupted disk, a hand
 * edit) is treated as missing and rebuilt.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath, type ProjectPaths } from '../registers/project.ts';
import { codeHash } from './code-hash.ts';
import { PackStore } from './pack-store.ts';
import { parsedJson, seal, sealOf, unseal, unsealedBytes } from './seal.ts';

export const DEFAULT_CACHE_DIR = '.cache/minutes';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** Source folders whose code decides a file's analysis (not render, search, cli, import). */
const ANALYSIS_DIRS = ['diagnostics', 'extract', 'model', 'parse', 'pipeline', 'read', 'registers', 'rules', 'schema', 'text', 'validate'];

let toolHash: string | undefined;

/** Hash of the analysis code and the locked dependencies: a new version of either empties the cache in effect. */
export function toolVersion(): string {
  toolHash ??= createHash('sha256').update(`minutes-cache-v5\0${dependenciesHash()}\0${codeHash(ANALYSIS_DIRS)}`).digest('hex');
  return toolHash;
}

let dependencies: string | undefined;

/** Hash of package.json and the lockfile: every locked version of every dependency. */
export function dependenciesHash(): string {
  if (dependencies) return dependencies;
  const hash = createHash('sha256');
  for (const name of ['package.json', 'package-lock.json']) {
    const file = path.join(REPO, name);
    if (existsSync(file)) hash.update(name).update('\0').update(readFileSync(file)).update('\0');
  }
  dependencies = hash.digest('hex');
  return dependencies;
}

/**
 * Hash of every register file (config, organizations): they change what a minute's diagnostics say.
 * Files are named from the project root, so a checkout elsewhere (another CI workspace, a moved
 * folder) finds the same entries.
 */
export async function registersHash(root: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(displayPath(root, file)).update('\0');
    try {
      hash.update(await readFile(file));
    } catch {
      hash.update('<missing>');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** What every cache entry of the project's files depends on besides the file: the tool and the registers. */
export async function cacheSalt(paths: ProjectPaths): Promise<string> {
  return `${toolVersion()}\0${await registersHash(paths.root, registerFiles(paths))}`;
}

/** The files the registers are read from; any change to them changes every file's key. */
export function registerFiles(paths: ProjectPaths): string[] {
  const files = [paths.config];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) files.push(full);
    }
  };
  walk(paths.organizations);
  return files;
}

export class FileCache {
  readonly #packs: PackStore;

  constructor(
    readonly dir: string,
    /** The tool and the registers: part of every key. */
    readonly salt: string,
    /** Shared by the threads of one build (PackStore); by default this cache's own. */
    run?: string,
  ) {
    this.#packs = new PackStore(path.join(dir, 'packs'), run);
  }

  /** The run its threads share: a worker's FileCache is made with it. */
  get run(): string {
    return this.#packs.run;
  }

  keyOf(displayPath: string, bytes: Uint8Array): string {
    return createHash('sha256').update(this.salt).update('\0').update(displayPath).update('\0').update(bytes).digest('hex');
  }

  /** The entry's parsed JSON, or undefined when it is missing or does not match its checksum. */
  getSync<T>(key: string, part: JsonPart): T | undefined {
    const bytes = this.#packs.get(`${key}.${part}`);
    return bytes && parsedJson<T>(bytes);
  }

  /** Runs `read`, whose lookups open each pack once (PackStore.reading). */
  reading<T>(read: () => T): T {
    return this.#packs.reading(read);
  }

  /** Whether the entry was written (a cache that cannot be written only costs speed). */
  put(key: string, part: JsonPart, value: unknown): boolean {
    return this.#packs.putText(`${key}.${part}`, JSON.stringify(value));
  }

  /** The entry's text as putText wrote it (UTF-8), or undefined when it is missing or does not match its checksum. */
  getTextBytesSync(key: string, part: TextPart): Buffer | undefined {
    return this.#packs.get(`${key}.${part}`);
  }

  /** Text stored as it is, not as JSON: its reader may take a part of it without parsing any. */
  putText(key: string, part: TextPart, text: string): boolean {
    return this.#packs.putText(`${key}.${part}`, text);
  }

  /** Gathers the entries put from now on and writes them a batch at a time (PackStore.startBatch). */
  startBatch(): void {
    this.#packs.startBatch();
  }

  /** Writes the gathered entries; later ones are written as they are put. */
  endBatch(): void {
    this.#packs.endBatch();
  }

  /** Sees the entries other threads wrote since this cache first looked one up (the analysis workers). */
  refresh(): void {
    this.#packs.refresh();
  }

  /**
   * Keeps the cache from growing without end: merges small packs and drops the entries of keys
   * not in `live` (those of files changed or removed since), and deletes the cache's layout before
   * packs (a file per entry in folders 00–ff).
   */
  tidy(live: ReadonlySet<string>): void {
    try {
      this.#packs.compact((name) => live.has(name.slice(0, name.lastIndexOf('.'))));
      removeFilePerEntryLayout(this.dir);
    } catch {
      // A cache that cannot be tidied (read-only, a file in the way) only grows.
    }
  }
}

type JsonPart = 's' | 'b';
type TextPart = 't';

const ENTRY_FOLDER = /^[0-9a-f]{2}$/;

function removeFilePerEntryLayout(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (ENTRY_FOLDER.test(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/**
 * The file in which the cache folder keeps a record of `kind` about `folder` (the archive, a
 * published site; never inside it). The folder is named from the cache folder, so a project checked
 * out or restored elsewhere with its cache (another CI workspace, a moved folder) finds its records;
 * what they say is checked against the files anyway.
 */
export function folderRecordFile(cacheDir: string, folder: string, kind: string): string {
  const fromCache = path.relative(path.resolve(cacheDir), path.resolve(folder)).split(path.sep).join('/');
  const key = createHash('sha256').update(fromCache).digest('hex').slice(0, 16);
  return path.join(cacheDir, `${kind}-${key}.json`);
}

/**
 * Writes `value` sealed, through a temporary file and a rename, so a reader never sees half of it;
 * returns its checksum. A cache that cannot be written (read-only checkout, full disk) only costs
 * speed: no error, and no checksum.
 */
export function writeSealed(file: string, value: unknown): Promise<string | undefined> {
  return writeSealedBytes(file, Buffer.from(JSON.stringify(value)));
}

/** writeSealed for content that is not JSON. */
export async function writeSealedBytes(file: string, content: Buffer): Promise<string | undefined> {
  const sealed = seal(content);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, sealed);
    await rename(temp, file);
    return sealOf(sealed);
  } catch {
    return undefined; // Only speed is lost.
  }
}

/** A sealed file's value and checksum, or undefined when it is missing or does not match its checksum. */
export function readSealed<T>(file: string): { seal: string; value: T } | undefined {
  const bytes = readIfThere(file);
  const value = bytes && unseal<T>(bytes);
  return value === undefined ? undefined : { seal: sealOf(bytes!), value };
}

/** What a sealed file holds, or undefined when it is missing or does not match its checksum. */
export function readSealedBytes(file: string): Buffer | undefined {
  const bytes = readIfThere(file);
  return bytes && unsealedBytes(bytes);
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // Not written yet.
  }
}

