import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractionContext } from '../extract/context.ts';
import { analyzeArchive } from '../pipeline/analyze-archive.ts';
import { discoverFiles } from '../read/discover.ts';
import type { Registers } from '../registers/load-registers.ts';
import { displayPath } from '../registers/project.ts';
import { convertDocument } from './convert-document.ts';
import { isKnownDocument } from './read/read-document.ts';

export interface ImportOptions {
  root: string;
  registers: Registers;
  /** Files and folders to import (folders are walked for .txt, .md, .docx, .pdf). */
  inputs: readonly string[];
  outDir: string;
  group?: string | undefined;
  dryRun: boolean;
  force: boolean;
}

export type ImportStatus =
  /** Written (or, with --dry-run, would be written). */
  | 'written'
  | 'overwritten'
  /** The file already holds exactly this minute. */
  | 'unchanged'
  | 'failed';

export interface ImportOutcome {
  input: string;
  status: ImportStatus;
  target?: string;
  /** Why the file was not imported. */
  error?: string;
  /** What a person should check: what could not be mapped, and what validation says. */
  review: string[];
  /** The written minute did not pass validation. */
  invalid?: boolean;
}

interface Planned extends ImportOutcome {
  markdown?: string;
}

/**
 * Imports legacy documents as minutes. Each file stands alone: one that cannot be read or told
 * apart does not stop the others. Nothing is overwritten without --force, and two documents of
 * the same meeting (a minute's .docx and its .pdf) never silently replace each other. Every
 * minute produced is validated like `minutes validate` does, with --dry-run in a scratch folder.
 */
export async function importFiles(options: ImportOptions): Promise<ImportOutcome[]> {
  const { registers } = options;
  const context = extractionContext(registers);
  const inputs = await discoverInputs(options);
  const planned: Planned[] = [];
  const byTarget = new Map<string, Planned>();
  for (const input of inputs) {
    const converted = await convertDocument(input, options.outDir, {
      organizations: context.organizations,
      groups: context.groups,
      ...(options.group ? { group: options.group } : {}),
    });
    if (!converted.ok) {
      planned.push({ input, status: 'failed', error: converted.error, review: converted.review });
      continue;
    }
    const { target, markdown, review } = converted;
    const earlier = byTarget.get(target);
    if (earlier) {
      planned.push(
        earlier.markdown === markdown
          ? { input, status: 'unchanged', target, review: [...review, `Tentýž zápis vznikl už z ${path.basename(earlier.input)}.`] }
          : {
              input,
              status: 'failed',
              target,
              error: `Stejné jednání (datum a skupina) jako ${path.basename(earlier.input)}, ale jiný obsah; nezapsáno.`,
              review,
            },
      );
      continue;
    }
    const existing = existsSync(target) ? await readFile(target, 'utf8') : undefined;
    let outcome: Planned;
    if (existing === undefined) outcome = { input, status: 'written', target, review, markdown };
    else if (existing === markdown) outcome = { input, status: 'unchanged', target, review, markdown };
    else if (options.force) outcome = { input, status: 'overwritten', target, review, markdown };
    else {
      outcome = { input, status: 'failed', target, error: 'Cílový soubor už existuje a liší se; přepsat ho lze volbou --force.', review };
    }
    planned.push(outcome);
    if (outcome.markdown !== undefined) byTarget.set(target, outcome);
  }
  const produced = [...byTarget.values()];
  if (!options.dryRun) {
    for (const outcome of produced) {
      if (outcome.status === 'unchanged') continue;
      await mkdir(path.dirname(outcome.target!), { recursive: true });
      await writeFile(outcome.target!, outcome.markdown!, 'utf8');
    }
  }
  await validateProduced(produced, options);
  return planned.map(({ markdown: _, ...outcome }) => outcome);
}

/** Inputs in a stable order; a folder's own minutes (the output folder) are not legacy documents. */
async function discoverInputs(options: ImportOptions): Promise<string[]> {
  const explicit = new Set(options.inputs.map((input) => path.resolve(input)));
  const found = await discoverFiles(options.inputs, isKnownDocument);
  return found.filter((file) => explicit.has(file) || !isInside(options.outDir, file));
}

/**
 * `minutes validate` on the minutes produced, against the archive's registers: its errors and its
 * warnings (an update of an organization missing from the register…) go to the review list.
 * With --dry-run the minutes are validated in a scratch folder, laid out like the archive's.
 */
async function validateProduced(produced: readonly Planned[], options: ImportOptions): Promise<void> {
  if (produced.length === 0) return;
  const scratch = options.dryRun ? await mkdtemp(path.join(os.tmpdir(), 'minutes-import-')) : undefined;
  try {
    const checkedFile = new Map<string, Planned>();
    for (const outcome of produced) {
      let file = outcome.target!;
      if (scratch) {
        file = path.join(scratch, path.basename(path.dirname(file)), path.basename(file));
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, outcome.markdown!, 'utf8');
      }
      checkedFile.set(path.resolve(file), outcome);
    }
    // What `minutes validate` runs: the checks, and the extract stage's warnings.
    const { diagnostics } = await analyzeArchive(options.root, [...checkedFile.keys()]);
    const byShownPath = new Map(
      [...checkedFile].map(([file, outcome]) => [displayPath(path.resolve(options.root), file), outcome] as const),
    );
    for (const diagnostic of diagnostics) {
      const outcome = byShownPath.get(diagnostic.file);
      if (!outcome) continue;
      const kind = diagnostic.severity === 'error' ? 'Chyba' : 'Varování';
      outcome.review.push(`${kind} kontroly na ř. ${diagnostic.line} (${diagnostic.rule}): ${diagnostic.message}`);
      if (diagnostic.severity === 'error') outcome.invalid = true;
    }
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(path.resolve(folder), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
