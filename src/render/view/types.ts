/**
 * What the templates show, page by page: the view is made of these and nothing else (see
 * build-view.ts). All paths are site-relative ("/zapisy/…/"); templates put them through the `url`
 * filter, which adds the base path.
 */
import type { OrganizationModel } from '../../model/types.ts';
import type { CalendarFile } from '../calendar-file.ts';
import type { Chart } from '../charts.ts';
import type { MeetingText } from '../meeting-text.ts';

export interface ViewOptions {
  /** The base path the site is served under ("/" or "/zapisy/"), for absolute URLs in feeds. */
  basePath: string;
}

export interface Link {
  url: string;
  label: string;
}

export interface GroupLink extends Link {
  id: string;
  name: string;
}

export interface OrgLink extends Link {
  id: string;
  name: string;
}

export interface PersonView {
  name: string;
  role?: string;
  organization?: OrgLink;
  /** The organization id as written when it is not in the register. */
  organizationText?: string;
}

export interface MeetingCard {
  id: string;
  url: string;
  date: string;
  dateLabel: string;
  dateShort: string;
  weekday: string;
  timeLabel?: string;
  year: string;
  group: GroupLink;
  topics: string[];
  isDraft: boolean;
  updateCount: number;
}

export interface UpdateView {
  organization: OrgLink;
  html: string;
  /** The update's first sentence or so, plain text. */
  excerpt: string;
  meeting: MeetingCard;
}

export interface TaskView {
  id: string;
  text: string;
  owner?: string;
  due?: string;
  dueLabel?: string;
  group: GroupLink;
  meeting: MeetingCard;
  done: boolean;
  doneIn?: MeetingCard;
}

export interface DecisionView {
  id: string;
  label?: string;
  html: string;
  group: GroupLink;
  meeting: MeetingCard;
}

export interface UpcomingView {
  key: string;
  date: string;
  dateLabel: string;
  weekday: string;
  timeLabel?: string;
  group: GroupLink;
  announcedIn: MeetingCard;
  pending: boolean;
}

export interface MeetingPage extends MeetingCard {
  file: string;
  editUrl: string;
  pageTitle: string;
  heading: string;
  sourceTitle?: string;
  venue?: string;
  attendees: PersonView[];
  guests: PersonView[];
  excused: PersonView[];
  recorder?: string;
  verifier?: string;
  source?: string;
  /** The minute's text; its page reads `body.html`. */
  body: MeetingText;
  /** The updates as the page lists them: who, and the first sentence (the full text is the body). */
  updates: UpdateView[];
  mentioned: OrgLink[];
  tasks: TaskView[];
  decisions: DecisionView[];
  announced: UpcomingView[];
  previous?: MeetingCard;
  next?: MeetingCard;
  /** Values for Pagefind's filters and sort. */
  search: { group: string; year: string; organizations: string[]; sort: string };
}

export interface YearGroup<T> {
  year: string;
  url: string;
  items: T[];
}

export interface AttendanceRow {
  meeting: MeetingCard;
  attendees: number;
  guests: number;
  excused: number;
}

export interface GroupPage {
  id: string;
  url: string;
  name: string;
  short: string;
  description?: string;
  aliases: string[];
  editUrl: string;
  /** The file the group is defined in. */
  file: string;
  calendarUrl: string;
  meetingCountLabel: string;
  meetingCount: number;
  first?: MeetingCard;
  last?: MeetingCard;
  meetingsByYear: YearGroup<MeetingCard>[];
  openTasks: TaskView[];
  doneTasks: TaskView[];
  decisions: DecisionView[];
  upcoming: UpcomingView[];
  attendance: AttendanceRow[];
  attendanceChart?: Chart;
}

/** The register's own fields, as the model has them, and what the page adds. */
export interface OrgPage
  extends Pick<OrganizationModel, 'id' | 'name' | 'short' | 'aliases' | 'kind' | 'website' | 'description' | 'contacts'> {
  url: string;
  editUrl: string;
  /** The register file of the organization. */
  file: string;
  updatesByYear: YearGroup<UpdateView>[];
  updateCount: number;
  mentions: { meeting: MeetingCard; written: string; context: string }[];
  people: { name: string; count: number }[];
  attended: { meeting: MeetingCard; people: string[] }[];
  lastUpdate?: MeetingCard;
}

export interface OrgRow {
  id: string;
  url: string;
  name: string;
  /** Short name for tight places (charts). */
  label: string;
  short?: string;
  kind: string;
  updateCount: number;
  mentionCount: number;
  lastUpdate?: MeetingCard;
}

export interface YearPage {
  year: string;
  url: string;
  meetings: MeetingCard[];
  byGroup: { group: GroupLink; count: number }[];
  decisions: DecisionView[];
  updateCount: number;
  previous?: Link;
  next?: Link;
}

export interface SiteView {
  site: {
    title: string;
    description?: string;
    language: string;
    repository: string;
    branch: string;
    configEditUrl: string;
    minutesFolderUrl: string;
  };
  nav: Link[];
  home: {
    latest: MeetingCard[];
    upcoming: UpcomingView[];
    openTasks: TaskView[];
    openTaskCount: number;
    groups: GroupPage[];
    organizations: OrgRow[];
    meetingCount: number;
    years: Link[];
  };
  meetings: MeetingPage[];
  meetingsByYear: YearGroup<MeetingCard>[];
  groups: GroupPage[];
  organizations: OrgPage[];
  organizationRows: OrgRow[];
  updatesGrid: { chart?: Chart; columns: string[]; rows: { org: OrgRow; cells: number[] }[] };
  years: YearPage[];
  yearsChart: { chart?: Chart; columns: GroupLink[]; rows: { year: string; url: string; cells: number[]; total: number }[] };
  tasks: { open: TaskView[]; done: TaskView[] };
  decisionsByYear: YearGroup<DecisionView>[];
  decisionCount: number;
  upcomingAll: UpcomingView[];
  files: {
    feed: string;
    calendar: CalendarFile;
    groupCalendars: { group: string; calendar: CalendarFile }[];
  };
}
