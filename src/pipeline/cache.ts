/**
 * The per-file cache of read → parse → validate → extract (default folder .cache/minutes, ignored
 * by git; CI may keep it between runs). An entry is keyed by the file's bytes, its path, the
 * registers (config and organizations) and the tool itself (its source and locked dependencies),
 * so any change to what the result depends on is a miss, never a stale hit.
 *
 * Each key has three files, so `minutes validate` never loads what only the web needs, and a warm
 * build never loads the text of a minute whose page it does not render:
 *   <key>.s  summary: the file's diagnostics and the meeting it records (also kept in the archive index)
 *   <key>.b  body: the validated frontmatter and the extracted data, the model's file-local part
 *            (build only)
 *   <key>.t  text: the minute's text as Markdown, plain text and HTML (text-entry.ts), read only
 *            when a page or the open data shows it (model/stored-text.ts)
 * Every file starts with the SHA-1 of its content on the first line (seal); an entry that does not
 * match (a truncated write, a corrupted disk, a hand edit) is treated as missing and rebuilt.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProjectPaths } from '../registers/project.ts';
import { codeHash } from './code-hash.ts';

export const DEFAULT_CACHE_DIR = '.cache/minutes';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** Source folders whose code decides a file's analysis (not render, search, cli, import). */
const ANALYSIS_DIRS = ['diagnostics', 'extract', 'model', 'parse', 'pipeline', 'read', 'registers', 'rules', 'schema', 'text', 'validate'];

let toolHash: string | undefined;

/** Hash of the analysis code and the locked dependencies: a new version of either empties the cache in effect. */
export function toolVersion(): string {
  toolHash ??= createHash('sha256').update(`minutes-cache-v4\0${dependenciesHash()}\0${codeHash(ANALYSIS_DIRS)}`).digest('hex');
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

/** Hash of every register file (config, organizations): they change what a minute's diagnostics say. */
export async function registersHash(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(file).update('\0');
    try {
      hash.update(await readFile(file));
    } catch {
      hash.update('<missing>');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
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
  /** The folders this process has made (or found), so each is made once, not once per entry. */
  readonly #folders = new Set<string>();

  constructor(
    readonly dir: string,
    /** The tool and the registers: part of every key. */
    readonly salt: string,
  ) {}

  keyOf(displayPath: string, bytes: Uint8Array): string {
    return createHash('sha256').update(this.salt).update('\0').update(displayPath).update('\0').update(bytes).digest('hex');
  }

  private fileOf(key: string, part: CachePart): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.${part}`);
  }

  /** The entry's parsed JSON, or undefined when it is missing or does not match its checksum. */
  getSync<T>(key: string, part: JsonPart): T | undefined {
    return readSealed<T>(this.fileOf(key, part))?.value;
  }

  /** Resolves with whether the entry was written (a cache that cannot be written only costs speed). */
  async put(key: string, part: JsonPart, value: unknown): Promise<boolean> {
    return this.#write(this.fileOf(key, part), Buffer.from(JSON.stringify(value)));
  }

  /** The entry's text as putText wrote it (UTF-8), or undefined when it is missing or does not match its checksum. */
  getTextBytesSync(key: string, part: TextPart): Buffer | undefined {
    const bytes = readIfThere(this.fileOf(key, part));
    return bytes && unsealedBytes(bytes);
  }

  /** Text stored as it is, not as JSON: its reader may take a part of it without parsing any. */
  async putText(key: string, part: TextPart, text: string): Promise<boolean> {
    return this.#write(this.fileOf(key, part), Buffer.from(text));
  }

  /**
   * Writes an entry straight into place, without a temporary file and a rename: its seal tells a
   * half-written entry (a crash, a concurrent writer) from a whole one, and a reader takes the
   * half-written one for missing. A cold check writes three entries a minute; this way it makes
   * no rename and no mkdir for each (strace at 1,000 minutes: 3,001 renames and 1,650 mkdirs fewer).
   */
  async #write(file: string, content: Buffer): Promise<boolean> {
    try {
      const folder = path.dirname(file);
      if (!this.#folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        this.#folders.add(folder);
      }
      await writeFile(file, seal(content));
      return true;
    } catch {
      return false; // Only speed is lost (read-only checkout, full disk).
    }
  }
}

type JsonPart = 's' | 'b';
type TextPart = 't';
type CachePart = JsonPart | TextPart;

/**
 * Content (JSON, or a text entry) behind a checksum line: the SHA-1 of its bytes. It detects a truncated write, a
 * corrupted disk or a hand edit of a local cache (not an attacker, who could write the line too),
 * and SHA-1 over bytes costs a third of SHA-256 over a decoded string on the 200 MB of a 10,000-minute cache.
 */
function seal(content: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${createHash('sha1').update(content).digest('hex')}\n`), content]);
}

/** The value of a sealed file, or undefined when it does not match its checksum. */
export function unseal<T>(bytes: Buffer): T | undefined {
  const json = unsealedBytes(bytes);
  if (!json) return undefined;
  try {
    return JSON.parse(json.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** What a sealed file holds after its checksum line, or undefined when it does not match the checksum. */
function unsealedBytes(bytes: Buffer): Buffer | undefined {
  if (bytes.length < SEAL_LENGTH || bytes[SEAL_LENGTH - 1] !== 0x0a) return undefined;
  const content = bytes.subarray(SEAL_LENGTH);
  return createHash('sha1').update(content).digest('hex') === sealOf(bytes) ? content : undefined;
}

/**
 * Writes `value` sealed, through a temporary file and a rename, so a reader never sees half of it;
 * returns its checksum. A cache that cannot be written (read-only checkout, full disk) only costs
 * speed: no error, and no checksum.
 */
export async function writeSealed(file: string, value: unknown): Promise<string | undefined> {
  const content = seal(Buffer.from(JSON.stringify(value)));
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, content);
    await rename(temp, file);
    return sealOf(content);
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

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // Not written yet.
  }
}

/** The checksum a sealed file starts with. */
function sealOf(bytes: Buffer): string {
  return bytes.toString('latin1', 0, SEAL_LENGTH - 1);
}

/** 40 hex digits and a newline. */
const SEAL_LENGTH = 41;
