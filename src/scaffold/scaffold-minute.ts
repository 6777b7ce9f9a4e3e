import { Document, Scalar, isMap, isScalar, visit } from 'yaml';
import type { PersonEntry } from '../schema/minute.ts';
import { isRealDate } from '../schema/primitives.ts';
import { fold } from '../text/normalize.ts';
import type { OpenTask, PastMeeting, ScaffoldArchive } from './archive.ts';

/**
 * `minutes new`, the pure part: from what the archive knows and what the secretary said, the path
 * and text of a new minute. The text follows docs/psani-zapisu.md and passes `minutes validate`
 * as it is: attendees from the group's last meeting, a slot for each organization that usually
 * reports, the group's open tasks to tick off, status draft.
 */
export interface ScaffoldOptions {
  group: string;
  /** RRRR-MM-DD. */
  date: string;
  /** HH:MM; undefined = the time announced for that day, if any; null = none. */
  time?: string | null;
  /** undefined = the venue of the group's last meeting; null = none. */
  venue?: string | null;
}

export type ScaffoldResult = ScaffoldWritten | ScaffoldRefused;

export interface ScaffoldWritten {
  ok: true;
  /** Path from the archive root: minutes/2025/2025-01-13-cizinci.md. */
  file: string;
  text: string;
  /** The meeting attendees, venue and recorder were taken from. */
  basedOn?: string;
  /** Organizations with a slot, in order. */
  organizations: string[];
  /** Open tasks listed to tick off. */
  tasks: number;
  time?: string;
  venue?: string;
  /** What the secretary should know (Czech): a second meeting of the day, where the time came from. */
  notes: string[];
}

export interface ScaffoldRefused {
  ok: false;
  reason: 'unknown-group' | 'invalid-date' | 'invalid-time' | 'exists' | 'same-time';
  /** Czech, for the secretary. */
  message: string;
}

/** How many of the group's recent meetings decide which organizations "usually report". */
export const RECENT_MEETINGS = 3;

/** The programme item for the organizations' round, unless the last meeting named it otherwise. */
export const DEFAULT_UPDATES_TOPIC = 'Informace od jednotlivých organizací';

// The heading the extractor treats as the organizations' round (src/extract/updates.ts).
const UPDATES_TOPIC = /^\s*informace\s+(?:od\s+|z\s+)?(?:jednotliv\S+\s+)?(?:organizac|člen)/iu;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(value: string): boolean {
  return DATE.test(value) && isRealDate(value);
}

export function isValidTime(value: string): boolean {
  return TIME.test(value);
}

/** What `minutes new` would fill in for a group and day: the prompts' defaults. */
export interface ScaffoldDefaults {
  previous?: PastMeeting;
  time?: string;
  venue?: string;
  /** The minute whose announcement gave the time. */
  timeFrom?: string;
  /** Minutes of the group already written for that day. */
  sameDay: string[];
}

export function scaffoldDefaults(archive: ScaffoldArchive, group: string, date: string): ScaffoldDefaults {
  const previous = previousMeeting(archive, group, date);
  const announced = archive.meetings
    .flatMap((m) => m.announced.map((a) => ({ ...a, in: m })))
    .filter((a) => a.group === group && a.date === date && a.time)
    .sort((a, b) => (a.in.date < b.in.date ? 1 : a.in.date > b.in.date ? -1 : 0))[0];
  return {
    ...(previous ? { previous } : {}),
    ...(announced?.time ? { time: announced.time, timeFrom: announced.in.id } : {}),
    ...(previous?.venue ? { venue: previous.venue } : {}),
    sameDay: sameDayFiles(archive, group, date),
  };
}

export function scaffoldMinute(archive: ScaffoldArchive, options: ScaffoldOptions): ScaffoldResult {
  const group = archive.groups.find((g) => g.id === options.group);
  if (!group) {
    return refuse(
      'unknown-group',
      `Neznámá skupina „${options.group}“; skupiny v minutes.config.yaml: ${archive.groups.map((g) => g.id).join(', ') || '(žádné)'}.`,
    );
  }
  if (!isValidDate(options.date)) {
    return refuse('invalid-date', `Neplatné datum „${options.date}“: pište RRRR-MM-DD, např. 2025-01-13.`);
  }
  if (typeof options.time === 'string' && !isValidTime(options.time)) {
    return refuse('invalid-time', `Neplatný čas „${options.time}“: pište HH:MM ve 24hodinovém tvaru, např. 09:00 nebo 14:30.`);
  }
  const defaults = scaffoldDefaults(archive, group.id, options.date);
  const time = options.time === null ? undefined : (options.time ?? defaults.time);
  const venue = options.venue === null ? undefined : (options.venue ?? defaults.venue);
  const notes: string[] = [];
  if (options.time === undefined && time) notes.push(`Čas ${time} je převzatý z ohlášení v zápisu ${defaults.timeFrom}.`);

  // One meeting, one file: a second meeting of the day gets the -2 suffix and must differ in time.
  const sameDay = defaults.sameDay;
  let id = `${options.date}-${group.id}`;
  if (sameDay.length > 0) {
    const listed = sameDay.join(', ');
    // Only a time said explicitly makes a second meeting: a re-run of the same command must not.
    if (!time || options.time === undefined) {
      return refuse(
        'exists',
        `Zápis skupiny ${group.id} z ${options.date} už existuje (${listed}); nepřepíšu ho. ` +
          'Jde-li o druhé jednání téhož dne, zadejte jeho čas začátku (--time HH:MM).',
      );
    }
    const clash = archive.meetings.find((m) => m.group === group.id && m.date === options.date && m.time === time);
    if (clash) {
      return refuse(
        'same-time',
        `Jednání skupiny ${group.id} ${options.date} v ${time} už je zapsané v ${clash.file}; nepřepíšu ho. ` +
          'Druhé jednání téhož dne musí mít jiný čas.',
      );
    }
    id = `${id}-${nextSuffix(sameDay)}`;
    const untimed = archive.meetings.filter((m) => m.group === group.id && m.date === options.date && !m.time);
    notes.push(`Skupina má z ${options.date} už zápis (${listed}), tento bude další jednání téhož dne: ${id}.md.`);
    for (const m of untimed) notes.push(`Doplňte čas začátku i do ${m.file}, ať je jasné, které jednání je které.`);
  }

  const previous = defaults.previous;
  const organizations = usualReporters(archive, group.id, previous);
  const tasks = archive.openTasks.filter((t) => t.group === group.id);
  const updatesTopic = previous?.topics.find((t) => UPDATES_TOPIC.test(t)) ?? DEFAULT_UPDATES_TOPIC;

  const frontmatter = renderFrontmatter({
    date: options.date,
    time,
    group: group.id,
    venue,
    attendees: previous?.attendees ?? [],
    topics: [updatesTopic],
    recorder: previous?.recorder,
    previous,
  });
  const body = renderBody({ updatesTopic, organizations, tasks });
  return {
    ok: true,
    file: `minutes/${options.date.slice(0, 4)}/${id}.md`,
    text: `---\n${frontmatter}---\n\n${body}`,
    ...(previous ? { basedOn: previous.id } : {}),
    organizations: organizations.map((o) => o.organization),
    tasks: tasks.length,
    ...(time ? { time } : {}),
    ...(venue ? { venue } : {}),
    notes,
  };
}

function refuse(reason: ScaffoldRefused['reason'], message: string): ScaffoldRefused {
  return { ok: false, reason, message };
}

/** The group's meetings, oldest first. */
function meetingsOf(archive: ScaffoldArchive, group: string): PastMeeting[] {
  return archive.meetings
    .filter((m) => m.group === group)
    .sort((a, b) => compareKeys(`${a.date} ${a.time ?? ''} ${a.id}`, `${b.date} ${b.time ?? ''} ${b.id}`));
}

/** The group's last meeting on or before the date; for a minute older than all of them, the earliest. */
function previousMeeting(archive: ScaffoldArchive, group: string, date: string): PastMeeting | undefined {
  const meetings = meetingsOf(archive, group);
  return meetings.filter((m) => m.date <= date).at(-1) ?? meetings[0];
}

/**
 * Organizations with updates in the group's recent meetings (up to the reference one), in the
 * order of the most recent meeting, then those that reported only earlier. Each is named as the
 * secretary last wrote it, if that is one of its register names (a declined "Návratu" is not),
 * else by its short name or name: the slot is then recognised as that organization's update.
 */
function usualReporters(
  archive: ScaffoldArchive,
  group: string,
  previous: PastMeeting | undefined,
): { organization: string; written: string }[] {
  if (!previous) return [];
  const meetings = meetingsOf(archive, group);
  const upTo = meetings.indexOf(previous);
  const recent = meetings.slice(Math.max(0, upTo - RECENT_MEETINGS + 1), upTo + 1).reverse();
  const writings = new Map<string, string[]>();
  for (const meeting of recent) {
    for (const update of meeting.updates) {
      writings.set(update.organization, [...(writings.get(update.organization) ?? []), update.written]);
    }
  }
  return [...writings].map(([organization, written]) => ({ organization, written: slotName(archive, organization, written) }));
}

function slotName(archive: ScaffoldArchive, organization: string, writings: readonly string[]): string {
  const register = archive.organizations[organization];
  if (!register) return writings[0]!;
  const forms = new Set([register.name, register.short, ...register.aliases].filter(Boolean).map((n) => fold(n!)));
  return writings.find((w) => forms.has(fold(w))) ?? register.short ?? register.name;
}

/** Existing files of the group's minutes of that day: 2025-01-13-cizinci.md, 2025-01-13-cizinci-2.md… */
function sameDayFiles(archive: ScaffoldArchive, group: string, date: string): string[] {
  const name = new RegExp(`(?:^|/)${date}-${escapeRegExp(group)}(?:-\\d+)?\\.md$`);
  return archive.files.filter((file) => name.test(file)).sort();
}

function nextSuffix(files: readonly string[]): number {
  const used = files.map((file) => Number(/-(\d+)\.md$/.exec(file)?.[1] ?? 1));
  // A group id may end in digits itself; the suffix is always past every number in use.
  return Math.max(1, ...used.filter((n) => Number.isInteger(n) && n < 1000)) + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Values that a YAML 1.1 reader would not read back as the same text: times as sexagesimal numbers.
const AMBIGUOUS = /^(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}|y|n|yes|no|on|off|true|false|null|~)$/i;

function renderFrontmatter(fields: {
  date: string;
  time: string | undefined;
  group: string;
  venue: string | undefined;
  attendees: PersonEntry[];
  topics: string[];
  recorder: string | undefined;
  previous: PastMeeting | undefined;
}): string {
  const data: Record<string, unknown> = {
    date: fields.date,
    ...(fields.time ? { time: fields.time } : {}),
    group: fields.group,
    ...(fields.venue ? { venue: fields.venue } : {}),
    ...(fields.attendees.length ? { attendees: fields.attendees } : {}),
    topics: fields.topics,
    ...(fields.recorder ? { recorder: fields.recorder } : {}),
    status: 'draft',
  };
  const document = new Document(data);
  visit(document, {
    Scalar(key, node) {
      if (key !== 'key' && isScalar(node) && typeof node.value === 'string' && AMBIGUOUS.test(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  const from = fields.previous;
  const taken = [
    fields.attendees.length ? 'přítomné' : undefined,
    from?.venue && fields.venue === from.venue ? 'místo' : undefined,
    fields.recorder ? 'zapisovatele' : undefined,
  ].filter((part): part is string => Boolean(part));
  document.commentBefore = [
    ' Koncept zápisu z příkazu `minutes new`. Návod: docs/psani-zapisu.md',
    from && taken.length
      ? ` ${capitalize(czechList(taken))} jsme převzali z jednání ${from.id}: opravte je podle skutečnosti.`
      : ' Doplňte přítomné (attendees) podle prezenční listiny.',
    ' Po schválení zápisu přepište status: draft na status: approved.',
  ].join('\n');
  if (isMap(document.contents)) {
    const topics = document.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'topics');
    if (topics && isScalar(topics.key)) topics.key.commentBefore = ' Program jednání: doplňte další body, každý na vlastní řádek s pomlčkou.';
  }
  document.comment = [
    ' Ohlášená příští jednání doplňte takto:',
    ' next_meetings:',
    '   - "RRRR-MM-DD HH:MM"',
  ].join('\n');
  return document.toString({ lineWidth: 0 });
}

function renderBody(parts: {
  updatesTopic: string;
  organizations: { organization: string; written: string }[];
  tasks: OpenTask[];
}): string {
  const lines: string[] = [`## ${parts.updatesTopic}`, ''];
  if (parts.organizations.length) {
    for (const { written } of parts.organizations) lines.push(`- **${written}.** …`);
  } else {
    lines.push('<!-- Každá organizace na vlastní řádek: - **Naděje.** Co organizace hlásila. -->');
  }
  lines.push('', '## Úkoly', '');
  if (parts.tasks.length) {
    lines.push('<!-- Otevřené úkoly skupiny: splněný úkol odškrtněte jako - [x], ostatní nechte, nebo je smažte. -->', '');
    for (const task of parts.tasks) lines.push(taskLine(task));
    lines.push('');
  }
  lines.push('<!-- Nový úkol: - [ ] Co udělat — @Jméno Příjmení, do RRRR-MM-DD -->', '');
  return lines.join('\n');
}

function taskLine(task: OpenTask): string {
  const extras = [task.owner ? `@${task.owner}` : undefined, task.due ? `do ${task.due}` : undefined].filter(Boolean);
  return `- [ ] ${task.text}${extras.length ? ` — ${extras.join(', ')}` : ''}${task.explicitId ? ` #${task.explicitId}` : ''}`;
}

function czechList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} a ${items.at(-1)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
