import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { parseCzechDate } from '../extract/czech-dates.ts';
import { analyzeArchive } from '../pipeline/analyze-archive.ts';
import { discoverFiles } from '../read/discover.ts';
import { displayPath } from '../registers/project.ts';
import { formatStylish } from '../report/stylish.ts';
import { czechCount } from '../report/summary.ts';
import { scaffoldArchiveOf, type ScaffoldArchive } from '../scaffold/archive.ts';
import {
  isValidTime,
  scaffoldDefaults,
  scaffoldMinute,
  type ScaffoldOptions,
} from '../scaffold/scaffold-minute.ts';
import { parseOptions } from './main.ts';
import { resolveRoot } from './root.ts';
import { UsageError } from './usage.ts';

/** One question to the secretary; the answer without surrounding spaces. */
export interface Prompter {
  ask(question: string): Promise<string>;
}

/** What was given on the command line. */
export interface NewFlags {
  group?: string;
  date?: string;
  time?: string;
  venue?: string;
}

/**
 * `minutes new [--group <id>] [--date <datum>] [--time HH:MM] [--venue <místo>]`: a new minute
 * prefilled from the group's last meeting, written to minutes/<rok>/<datum>-<skupina>.md; prints
 * its path. In a terminal it asks for what the flags did not say; otherwise (a script, CI) it never
 * asks, and a missing group or date is wrong usage (exit 2). Never overwrites (exit 1).
 */
export async function runNew(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    group: { type: 'string' },
    date: { type: 'string' },
    time: { type: 'string' },
    venue: { type: 'string' },
    root: { type: 'string' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`Příkaz new nebere žádné cesty (dostal „${positionals.join(' ')}“); skupinu a datum zadejte volbami --group a --date.`);
  }
  const root = resolveRoot(values.root as string | undefined);
  const archive = await analyzeArchive(root);
  if (!archive.registers.config) {
    process.stderr.write(formatStylish(archive.registers.diagnostics, { color: false, checkedFiles: 0 }));
    return 1;
  }
  const files = existsSync(archive.paths.minutes)
    ? await discoverFiles([archive.paths.minutes], (name) => name.toLowerCase().endsWith('.md') && name !== 'README.md')
    : [];
  const scaffoldArchive = scaffoldArchiveOf(archive, files.map((file) => displayPath(root, file)));

  const flags: NewFlags = {
    ...(values.group !== undefined ? { group: values.group as string } : {}),
    ...(values.date !== undefined ? { date: values.date as string } : {}),
    ...(values.time !== undefined ? { time: values.time as string } : {}),
    ...(values.venue !== undefined ? { venue: values.venue as string } : {}),
  };
  let options: ScaffoldOptions | undefined;
  if (process.stdin.isTTY) {
    // Questions go to stderr: stdout carries only the new file's path, for scripts.
    const readline = createInterface({ input: process.stdin, output: process.stderr });
    // Ctrl+C closes the questions like Ctrl+D does: nothing is written.
    readline.on('SIGINT', () => readline.close());
    // Lines are read through the iterator, which keeps what was typed ahead of a question.
    const lines = readline[Symbol.asyncIterator]();
    try {
      options = await collectOptions(
        flags,
        scaffoldArchive,
        {
          ask: async (question) => {
            const text = question.split('\n');
            const prompt = text.pop() ?? '';
            if (text.length) process.stderr.write(`${text.join('\n')}\n`);
            readline.setPrompt(prompt);
            readline.prompt();
            const next = await lines.next();
            if (next.done) throw new Cancelled();
            return String(next.value).trim();
          },
        },
        today(),
      );
    } catch (error) {
      if (error instanceof Cancelled) {
        process.stderr.write('\nPřerušeno, nic jsem nezapsal.\n');
        return 1;
      }
      throw error;
    } finally {
      readline.close();
    }
  } else {
    options = await collectOptions(flags, scaffoldArchive, undefined, today());
  }

  const result = scaffoldMinute(scaffoldArchive, options);
  if (!result.ok) {
    if (result.reason === 'exists' || result.reason === 'same-time') {
      process.stderr.write(`✖ ${result.message}\n`);
      return 1;
    }
    throw new UsageError(result.message);
  }
  const target = path.join(root, ...result.file.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, result.text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      process.stderr.write(`✖ Soubor ${result.file} už existuje; nepřepíšu ho.\n`);
      return 1;
    }
    throw error;
  }

  const shown = shownPath(target);
  process.stdout.write(`${shown}\n`);
  const taken = result.basedOn ? `podle jednání ${result.basedOn}` : 'skupina zatím nemá žádný zápis';
  process.stderr.write(
    `✔ Nový koncept zápisu: ${shown} (${taken}; ` +
      `${czechCount(result.organizations.length, 'organizace', 'organizace', 'organizací')} s místem pro informace, ` +
      `${czechCount(result.tasks, 'otevřený úkol', 'otevřené úkoly', 'otevřených úkolů')}).\n`,
  );
  for (const note of result.notes) process.stderr.write(`  ${note}\n`);

  // The scaffold is meant to pass as it is; if the archive disagrees, say so now, not in the pull request.
  const check = await analyzeArchive(root, [target]);
  const own = check.diagnostics.filter((d) => d.file === result.file);
  if (own.length) process.stderr.write(formatStylish(own, { color: false, checkedFiles: 1 }));
  if (hasErrors(own)) return 1;
  process.stderr.write(`  Doplňte text zápisu a zkontrolujte ho: npx minutes validate ${shown}\n`);
  return 0;
}

class Cancelled extends Error {}

/**
 * The options of the new minute: the flags, and in a terminal (a prompter given) answers to
 * questions about the rest. Without a prompter a missing group or date is wrong usage.
 */
export async function collectOptions(
  flags: NewFlags,
  archive: ScaffoldArchive,
  prompter: Prompter | undefined,
  todayDate: string,
): Promise<ScaffoldOptions> {
  const groups = archive.groups.map((g) => g.id);
  if (flags.group !== undefined && !groups.includes(flags.group)) {
    throw new UsageError(`Neznámá skupina „${flags.group}“; skupiny v minutes.config.yaml: ${groups.join(', ')}.`);
  }
  const flagDate = flags.date === undefined ? undefined : normalizeDate(flags.date);
  if (flags.date !== undefined && !flagDate) {
    throw new UsageError(`Neplatné datum „${flags.date}“: pište RRRR-MM-DD (např. 2025-01-13) nebo 13. 1. 2025.`);
  }
  if (flags.time !== undefined && !isValidTime(normalizeTime(flags.time))) {
    throw new UsageError(`Neplatný čas „${flags.time}“: pište HH:MM ve 24hodinovém tvaru, např. 09:00 nebo 14:30.`);
  }

  if (!prompter) {
    const missing = [
      flags.group === undefined ? `skupina (--group ${groups.join('|')})` : undefined,
      flags.date === undefined ? 'datum jednání (--date RRRR-MM-DD)' : undefined,
    ].filter(Boolean);
    if (missing.length) {
      throw new UsageError(
        `Chybí ${missing.join(' a ')}. Mimo terminál se minutes new na nic neptá; zadejte vše volbami, např.\n` +
          `  npx minutes new --group ${groups[0] ?? 'cizinci'} --date 2025-01-13 --time 14:00`,
      );
    }
    return {
      group: flags.group!,
      date: flagDate!,
      ...(flags.time !== undefined ? { time: normalizeTime(flags.time) } : {}),
      ...(flags.venue !== undefined ? { venue: flags.venue.trim() || null } : {}),
    };
  }

  const group = flags.group ?? (await askGroup(archive, prompter));
  const date = flagDate ?? (await askUntil(prompter, `Datum jednání (RRRR-MM-DD) [${todayDate}]: `, (answer) =>
    answer === '' ? todayDate : normalizeDate(answer), 'Pište RRRR-MM-DD, např. 2025-01-13, nebo 13. 1. 2025.'));
  const defaults = scaffoldDefaults(archive, group, date);
  const time =
    flags.time !== undefined
      ? normalizeTime(flags.time)
      : await askUntil(
          prompter,
          `Čas začátku (HH:MM)${defaults.time ? ` [${defaults.time}; - = neuvádět]` : ' [neuvádět]'}: `,
          (answer) => {
            if (answer === '') return defaults.time ?? null;
            if (answer === '-') return null;
            const time = normalizeTime(answer);
            return isValidTime(time) ? time : undefined;
          },
          'Pište HH:MM, např. 09:00 nebo 14:30; prázdná odpověď ponechá výchozí.',
        );
  const venue =
    flags.venue !== undefined
      ? flags.venue.trim() || null
      : await askUntil(
          prompter,
          `Místo jednání${defaults.venue ? ` [${defaults.venue}; - = neuvádět]` : ' [neuvádět]'}: `,
          (answer) => (answer === '' ? (defaults.venue ?? null) : answer === '-' ? null : answer),
          '',
        );
  return { group, date, time, venue };
}

async function askGroup(archive: ScaffoldArchive, prompter: Prompter): Promise<string> {
  const list = archive.groups.map((g, i) => `  ${i + 1}) ${g.id} – ${g.short}`).join('\n');
  return askUntil(
    prompter,
    `Pracovní skupiny:\n${list}\nSkupina (číslo nebo id): `,
    (answer) => {
      const byNumber = /^\d+$/.test(answer) ? archive.groups[Number(answer) - 1] : undefined;
      return (byNumber ?? archive.groups.find((g) => g.id === answer.toLowerCase()))?.id;
    },
    `Zadejte číslo 1–${archive.groups.length} nebo id skupiny.`,
  );
}

/** Asks until the answer parses; `undefined` from parse means "ask again". */
async function askUntil<T>(prompter: Prompter, question: string, parse: (answer: string) => T | undefined, retry: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = parse(await prompter.ask(attempt === 0 ? question : `${retry} ${question.split('\n').at(-1)}`));
    if (value !== undefined) return value;
  }
}

function normalizeDate(written: string): string | undefined {
  return parseCzechDate(written.trim());
}

/** "9:00" → "09:00": the secretary's usual way, in the archive's form. */
function normalizeTime(written: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(written.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : written.trim();
}

/** Today in Prague, as RRRR-MM-DD: only ever a default the secretary confirms. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Prague' }).format(new Date());
}

function shownPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
}
