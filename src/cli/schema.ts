import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCHEMA_COMMAND, generateJsonSchemas } from '../schema/json-schema.ts';
import { parseOptions } from './main.ts';
import { resolveRoot } from './root.ts';
import { UsageError } from './usage.ts';

/** `minutes schema [--check]`: the JSON Schemas for editors in schema/, generated from the zod schemas. */
export async function runSchema(args: string[]): Promise<number> {
  const { check, root } = parseGenerateOptions(args, 'schema');
  const files = generateJsonSchemas().map(({ fileName, json }) => ({ fileName, text: json }));
  return syncGeneratedFiles(root, files, { check, command: SCHEMA_COMMAND });
}

/** Options shared by the commands that write generated files (`schema`, `docs`). */
export function parseGenerateOptions(args: string[], command: string): { check: boolean; root: string } {
  const { values, positionals } = parseOptions(args, {
    check: { type: 'boolean', default: false },
    root: { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`Příkaz ${command} nebere žádné cesty (dostal „${positionals.join(' ')}“).`);
  }
  return { check: Boolean(values.check), root: resolveRoot(values.root as string | undefined) };
}

export interface GeneratedText {
  /** Relative to the archive root, forward slashes. */
  fileName: string;
  text: string;
}

/**
 * Writes generated files under the root, or with `check` writes nothing and reports every file
 * whose committed text differs (exit 1), so CI fails until someone regenerates and commits them.
 */
export async function syncGeneratedFiles(
  root: string,
  files: readonly GeneratedText[],
  options: { check: boolean; command: string },
): Promise<number> {
  const stale: string[] = [];
  for (const file of files) {
    const expected = file.text;
    const target = path.join(root, ...file.fileName.split('/'));
    const current = await readIfExists(target);
    const upToDate = current !== undefined && normalizeNewlines(current) === expected;
    if (options.check) {
      if (!upToDate) {
        stale.push(file.fileName);
        process.stderr.write(
          current === undefined
            ? `Soubor ${file.fileName} chybí. Vytvořte ho příkazem \`${options.command}\` a zapište do gitu.\n`
            : `Soubor ${file.fileName} není aktuální. Obnovte ho příkazem \`${options.command}\` a změnu zapište do gitu.\n`,
        );
      }
      continue;
    }
    if (upToDate) {
      process.stdout.write(`${file.fileName}: beze změny\n`);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, expected, 'utf8');
    process.stdout.write(`${file.fileName}: zapsáno\n`);
  }
  if (!options.check) return 0;
  if (stale.length > 0) return 1;
  process.stdout.write(`Aktuální: ${files.map((f) => f.fileName).join(', ')}\n`);
  return 0;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A checkout with CRLF line endings (git autocrlf on Windows) is not stale. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
