import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import type { ParsedMinute } from '../parse/parse-minute.ts';
import type { YamlPlacement } from '../parse/yaml.ts';
import type { ProjectPaths } from '../registers/project.ts';
import type { Registers } from '../registers/load-registers.ts';
import { namesOf } from '../registers/register-names.ts';
import { minuteFrontmatterSchema, type MinuteFrontmatter } from '../schema/minute.ts';
import { ID_PATTERN, isRealDate } from '../schema/primitives.ts';
import { fold } from '../text/normalize.ts';
import { suggest } from '../text/suggest.ts';
import { groupOfFileName, parseMinuteFileName } from './file-name.ts';
import { validateWithSchema } from './schema-diagnostics.ts';
import { spanAt } from './yaml-node.ts';
import { checkPrivacy } from './privacy/check-privacy.ts';

/**
 * A minute whose frontmatter passed the schema: the input of the extract stage. Its parse without
 * the tree: the tree serves the file's own analysis (extract, the minute's HTML) and is not kept
 * for the archive-wide stages, which read minutes from the cache.
 */
export interface ValidatedMinute {
  id: string;
  parsed: Omit<ParsedMinute, 'tree'>;
  frontmatter: MinuteFrontmatter;
  placement: YamlPlacement;
}

/** A minute just validated, with its tree: what extraction reads. */
export type ValidatedParse = ValidatedMinute & { parsed: ParsedMinute };

const PEOPLE_LISTS = ['attendees', 'guests', 'excused'] as const;

export function validateMinute(
  parsed: ParsedMinute,
  registers: Registers,
  paths: ProjectPaths,
  absoluteFile: string,
): { minute: ValidatedParse | undefined; diagnostics: Diagnostic[] } {
  const file = parsed.source.path;
  const diagnostics: Diagnostic[] = [];
  const name = parseMinuteFileName(absoluteFile);
  if (!name) {
    const lastLine = { line: 1, column: 1 };
    diagnostics.push(diagnose('file-name', file, { start: lastLine, end: lastLine }, { name: path.basename(absoluteFile) }));
  }
  // Personal data is looked for in whatever the file publishes, even when its frontmatter has problems.
  diagnostics.push(...checkPrivacy(parsed, registers));
  const frontmatter = parsed.frontmatter;
  if (!frontmatter?.data) return { minute: undefined, diagnostics };
  const { placement } = frontmatter;
  const { value, diagnostics: schemaProblems } = validateWithSchema(minuteFrontmatterSchema, frontmatter.data, placement);
  diagnostics.push(...schemaProblems);
  // The archive checks run on the raw data too, so one run reports every problem, not only the schema's.
  diagnostics.push(...checkAgainstArchive(frontmatter.data, placement, registers, paths, absoluteFile));
  if (!value) return { minute: undefined, diagnostics };
  const id = name?.id ?? path.basename(absoluteFile).replace(/\.[^.]*$/, '');
  return { minute: { id, parsed, frontmatter: value, placement }, diagnostics };
}

/** Checks beyond the schema, each on the values that have the right type (a wrong type is the schema's). */
function checkAgainstArchive(
  data: Record<string, unknown>,
  placement: YamlPlacement,
  registers: Registers,
  paths: ProjectPaths,
  absoluteFile: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const file = placement.file;
  const at = (keyPath: (string | number)[]) => spanAt(placement, keyPath, 'value');
  const date = typeof data.date === 'string' && isRealDate(data.date) ? data.date : undefined;
  const group = typeof data.group === 'string' ? data.group : undefined;
  const name = parseMinuteFileName(absoluteFile);
  if (name && date && name.date !== date) {
    diagnostics.push(diagnose('date-mismatch', file, at(['date']), { date, fileDate: name.date }));
  }
  if (name && group) {
    const fileGroup = groupOfFileName(name, group);
    // An unknown group is reported once, as such, not also as a mismatch.
    if (fileGroup !== group && registers.groups.has(group)) diagnostics.push(diagnose('group-mismatch', file, at(['group']), { group, fileGroup }));
  }
  if (date && isInside(paths.minutes, absoluteFile)) {
    const folder = path.basename(path.dirname(absoluteFile));
    const year = date.slice(0, 4);
    if (folder !== year) diagnostics.push(diagnose('wrong-folder', file, at(['date']), { folder, year }));
  }
  if (group && registers.config && !registers.groups.has(group)) {
    diagnostics.push(diagnose('unknown-group', file, at(['group']), { group, suggestion: suggestGroup(group, registers) }));
  }
  for (const list of PEOPLE_LISTS) {
    const entries = data[list];
    if (!Array.isArray(entries)) continue;
    const seen = new Set<string>();
    entries.forEach((entry: unknown, i) => {
      const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
      const personName = typeof entry === 'string' ? entry : typeof record?.name === 'string' ? record.name : undefined;
      if (personName !== undefined) {
        if (seen.has(fold(personName))) {
          diagnostics.push(diagnose('duplicate-attendee', file, at([list, i]), { name: personName, list }));
        }
        seen.add(fold(personName));
      }
      const organization = record?.organization;
      if (typeof organization === 'string' && !registers.organizations.has(organization) && !hasRegisterFile(paths, organization)) {
        diagnostics.push(
          diagnose('unknown-organization', file, at([list, i, 'organization']), {
            organization,
            suggestion: suggestOrganization(organization, registers),
          }),
        );
      }
    });
  }
  if (date && Array.isArray(data.next_meetings)) {
    data.next_meetings.forEach((announced: unknown, i) => {
      if (typeof announced === 'string' && isRealDate(announced) && announced.slice(0, 10) < date) {
        diagnostics.push(diagnose('next-meeting-in-past', file, at(['next_meetings', i]), { value: announced, date }));
      }
    });
  }
  return diagnostics;
}

/**
 * An organization whose file exists but did not pass its own checks is missing from the registers;
 * the problem is reported in that file, not again as "not in the register" in every minute.
 */
function hasRegisterFile(paths: ProjectPaths, id: string): boolean {
  return ID_PATTERN.test(id) && ['.yaml', '.yml'].some((ext) => existsSync(path.join(paths.organizations, `${id}${ext}`)));
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** A secretary may write a group's name instead of its id: suggest the id that name belongs to. */
function suggestGroup(written: string, registers: Registers): string | undefined {
  for (const group of registers.groups.values()) {
    if ([group.name, group.short, ...group.aliases].some((n) => fold(n) === fold(written))) return group.id;
  }
  return suggest(written, registers.groups.keys());
}

export function suggestOrganization(written: string, registers: Registers): string | undefined {
  for (const organization of registers.organizations.values()) {
    if (namesOf(organization).some((n) => fold(n) === fold(written))) return organization.id;
  }
  return suggest(written, registers.organizations.keys());
}
