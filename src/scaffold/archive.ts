import { buildTasks } from '../model/tasks.ts';
import type { AnalyzedArchive, AnalyzedMinute } from '../pipeline/analyze-archive.ts';
import type { PersonEntry } from '../schema/minute.ts';

/**
 * What `minutes new` needs to know about the archive, as plain data: the scaffold is a pure
 * function of it, so its tests need no files.
 */
export interface ScaffoldArchive {
  groups: ScaffoldGroup[];
  /** The register's names of each organization: its name, short name and aliases (nominative forms). */
  organizations: Record<string, { name: string; short?: string; aliases: string[] }>;
  /** Validated minutes of every group, in no particular order. */
  meetings: PastMeeting[];
  /** Tasks no later minute of their group has checked off. */
  openTasks: OpenTask[];
  /** Every Markdown file under minutes/, valid or not, as a path from the archive root ("minutes/2021/2021-10-25-cizinci.md"). */
  files: string[];
}

export interface ScaffoldGroup {
  id: string;
  name: string;
  short: string;
}

export interface PastMeeting {
  /** File name without .md. */
  id: string;
  /** Path from the archive root. */
  file: string;
  date: string;
  time?: string;
  group: string;
  venue?: string;
  attendees: PersonEntry[];
  topics: string[];
  recorder?: string;
  /** Organization updates in the order of the text, with the name as the secretary wrote it. */
  updates: { organization: string; written: string }[];
  /** Meetings this minute announces (its own group's and others'), from frontmatter or text. */
  announced: { group: string; date: string; time?: string }[];
}

export interface OpenTask {
  group: string;
  text: string;
  owner?: string;
  due?: string;
  /** The `#id` it was written with, if any: repeating it keeps the task the same one. */
  explicitId?: string;
  /** The meeting where it first appeared. */
  meeting: string;
}

/** The analyzed archive (read → parse → validate → extract) as the scaffold's input. */
export function scaffoldArchiveOf(archive: AnalyzedArchive, files: readonly string[]): ScaffoldArchive {
  const groups = (archive.registers.config?.groups ?? []).map((g) => ({ id: g.id, name: g.name, short: g.short }));
  const chronological = [...archive.analyzed].sort(byMeetingTime);
  const meetings = chronological.map(({ minute, extracted }): PastMeeting => {
    const fm = minute.frontmatter;
    return {
      id: minute.id,
      file: minute.parsed.source.path,
      date: fm.date,
      ...(fm.time ? { time: fm.time } : {}),
      group: fm.group,
      ...(fm.venue ? { venue: fm.venue } : {}),
      attendees: fm.attendees ?? [],
      topics: fm.topics,
      ...(fm.recorder ? { recorder: fm.recorder } : {}),
      updates: extracted.updates.map((u) => ({ organization: u.organization, written: u.written })),
      announced: extracted.announced.map((a) => ({ group: a.group, date: a.date, ...(a.time ? { time: a.time } : {}) })),
    };
  });
  const byId = new Map(chronological.map((m) => [m.minute.id, m]));
  const openTasks = buildTasks(chronological)
    .filter((task) => !task.done)
    .map((task): OpenTask => {
      // The first mention of the task carries its explicit id, if it was written with one.
      const first = byId.get(task.meeting)?.extracted.tasks.find(
        (t) => t.position.line === task.position.line && t.position.column === task.position.column,
      );
      return {
        group: task.group,
        text: task.text,
        ...(task.owner ? { owner: task.owner } : {}),
        ...(task.due ? { due: task.due } : {}),
        ...(first?.explicitId ? { explicitId: first.explicitId } : {}),
        meeting: task.meeting,
      };
    });
  const organizations = Object.fromEntries(
    [...archive.registers.organizations].map(([id, o]) => [
      id,
      { name: o.name, ...(o.short ? { short: o.short } : {}), aliases: o.aliases ?? [] },
    ]),
  );
  return { groups, organizations, meetings, openTasks, files: [...files].sort() };
}

function byMeetingTime(a: AnalyzedMinute, b: AnalyzedMinute): number {
  const ka = `${a.minute.frontmatter.date} ${a.minute.frontmatter.time ?? ''} ${a.minute.id}`;
  const kb = `${b.minute.frontmatter.date} ${b.minute.frontmatter.time ?? ''} ${b.minute.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
