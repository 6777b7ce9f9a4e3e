/**
 * The data model of the whole archive: the single input of the site and of the open data
 * (`minutes extract --format json`, /data/archive.json). Built by a pure function from the
 * validated, extracted minutes; nothing downstream reads a minute file again.
 *
 * Versioned: a change that removes or renames a field raises MODEL_VERSION. docs/data-model.md
 * documents every field.
 */
export const MODEL_VERSION = 1;

/** Where in its minute a piece of text stands (1-based, like the diagnostics). */
export interface SourcePosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SiteInfo {
  title: string;
  description?: string;
  baseUrl: string;
  language: string;
  repository: string;
  branch: string;
}

export interface GroupModel {
  id: string;
  name: string;
  short: string;
  aliases: string[];
  description?: string;
  /** Meeting ids of this group, oldest first. */
  meetings: string[];
}

export interface PersonRef {
  name: string;
  /** Person id (see PersonModel). */
  person: string;
  organization?: string;
  role?: string;
}

export interface RenderedText {
  /** As the secretary wrote it. */
  markdown: string;
  /** Plain text, for search excerpts and the feed. */
  text: string;
  /** Sanitized HTML made from the same mdast: no raw HTML or script from a minute survives. */
  html: string;
}

export interface MeetingModel {
  /** File name without .md: 2021-10-25-cizinci. Also the page's URL: /zapisy/<id>/. */
  id: string;
  /** Path of the source file in the repository, for "Upravit na GitHubu". */
  file: string;
  date: string;
  time?: string;
  endTime?: string;
  group: string;
  title?: string;
  venue?: string;
  attendees: PersonRef[];
  guests: PersonRef[];
  excused: PersonRef[];
  topics: string[];
  recorder?: string;
  verifier?: string;
  status: 'draft' | 'approved';
  /** Announced next meetings as written in frontmatter ("2022-01-10" or "2022-01-10 14:00"). */
  nextMeetings: string[];
  /** The legacy document the minute was imported from. */
  source?: string;
  body: RenderedText;
  /** Ids of the group's previous and next meeting, for navigation. */
  previous?: string;
  next?: string;
}

export interface UpdateModel {
  organization: string;
  meeting: string;
  date: string;
  group: string;
  /** The update's text without the leading organization name. */
  content: RenderedText;
  position: SourcePosition;
}

export interface MentionModel {
  organization: string;
  meeting: string;
  date: string;
  group: string;
  /** The name as written ("OSPOD", "Návratu"). */
  written: string;
  /** The sentence around the mention, plain text. */
  context: string;
  position: SourcePosition;
}

export interface OrganizationModel {
  id: string;
  name: string;
  short?: string;
  aliases: string[];
  kind: string;
  website?: string;
  description?: string;
  contacts: { label?: string; name?: string; email?: string; phone?: string; address?: string }[];
  /** Oldest first. */
  updates: UpdateModel[];
  mentions: MentionModel[];
  /** Person ids of people who attended for this organization. */
  people: string[];
}

export interface AttendanceModel {
  meeting: string;
  date: string;
  group: string;
  as: 'attendee' | 'guest' | 'excused';
}

export interface PersonModel {
  /** Slug of the name as written: "lukas-prucha". Surname-only entries stay separate people. */
  id: string;
  name: string;
  organizations: string[];
  attendance: AttendanceModel[];
}

export interface TaskModel {
  /** Explicit id from the minute, or one derived from group and text. */
  id: string;
  text: string;
  owner?: string;
  due?: string;
  group: string;
  /** The meeting where the task first appeared. */
  meeting: string;
  date: string;
  done: boolean;
  /** The meeting that checked it off. */
  doneIn?: string;
  doneDate?: string;
  /** Every meeting that lists the task, oldest first. */
  history: { meeting: string; date: string; checked: boolean }[];
  position: SourcePosition;
}

export interface DecisionModel {
  id: string;
  meeting: string;
  date: string;
  group: string;
  /** "Usnesení č. 3/2024" when the minute numbers it. */
  label?: string;
  content: RenderedText;
  position: SourcePosition;
}

export interface UpcomingMeetingModel {
  group: string;
  date: string;
  time?: string;
  /** The meeting whose minute announced it. */
  announcedIn: string;
  /** Whether it was written in frontmatter or only found in the text. */
  from: 'frontmatter' | 'text';
  /** True when no minute of the group exists on or after that date yet. */
  pending: boolean;
}

export interface ArchiveModel {
  version: typeof MODEL_VERSION;
  site: SiteInfo;
  groups: GroupModel[];
  /** Newest first. */
  meetings: MeetingModel[];
  organizations: OrganizationModel[];
  people: PersonModel[];
  tasks: TaskModel[];
  decisions: DecisionModel[];
  upcoming: UpcomingMeetingModel[];
}
