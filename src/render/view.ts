/**
 * View preparation: a pure function from the archive model to exactly what the templates show.
 * Grouping, sorting (Czech collation), date formatting, charts, feed and calendar texts are done
 * here, so the Nunjucks templates only present: loops, conditions on present/absent, output.
 *
 * All paths in the view are site-relative ("/zapisy/…/"); templates put them through the `url`
 * filter, which adds the base path.
 */
import { sourceOf } from '../model/provenance.ts';
import { groupBy, pushTo } from '../pipeline/group-by.ts';
import type {
  ArchiveModel,
  DecisionModel,
  GroupModel,
  MeetingModel,
  OrganizationModel,
  PersonRef,
  TaskModel,
  UpcomingMeetingModel,
  UpdateModel,
} from '../model/types.ts';
import { buildAtomFeed, type FeedEntry } from './atom.ts';
import {
  attendanceChart,
  meetingsPerYearChart,
  updatesGridChart,
  type Chart,
} from './charts.ts';
import {
  compareCzech,
  formatCzechDate,
  formatCzechDateShort,
  formatCzechTime,
  formatTimeRange,
  pluralCs,
  sortCzech,
  yearOf,
} from './czech.ts';
import { calendarFile, type CalendarFile } from './calendar-file.ts';
import type { CalendarEvent } from './ics.ts';
import { MeetingText } from './meeting-text.ts';
import { sharedInPages } from './shared-in-pages.ts';
import { CONFIG_FILE_PATH, absoluteUrl, editUrl, folderUrl, organizationFile, routes } from './urls.ts';

export interface ViewOptions {
  /** The base path the site is served under ("/" or "/zapisy/"), for absolute URLs in feeds. */
  basePath: string;
}

/* ---------------------------------------------------------------- view types */

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

/* ---------------------------------------------------------------- builder */

const NAV: Link[] = [
  { url: routes.meetings, label: 'Zápisy' },
  { url: routes.groups, label: 'Skupiny' },
  { url: routes.organizations, label: 'Organizace' },
  { url: routes.tasks, label: 'Úkoly' },
  { url: routes.decisions, label: 'Usnesení' },
  { url: routes.search, label: 'Hledat' },
];

const LATEST_ON_HOME = 6;
const TASKS_ON_HOME = 8;
const FEED_ENTRIES = 20;

export function buildView(model: ArchiveModel, options: ViewOptions): SiteView {
  const { site } = model;
  const groupIndex = new Map(model.groups.map((g, i) => [g.id, i]));
  // A group's or organization's link stands on thousands of pages, in a page hash by its digest.
  const groupLinks = new Map(model.groups.map((g) => [g.id, sharedInPages(groupLink(g))]));
  const orgLinks = new Map(model.organizations.map((o) => [o.id, sharedInPages(orgLink(o))]));
  const linkGroup = (id: string): GroupLink =>
    groupLinks.get(id) ?? { id, name: id, label: id, url: routes.group(id) };
  const linkOrg = (id: string): OrgLink => orgLinks.get(id) ?? { id, name: id, label: id, url: routes.organization(id) };

  // Newest first, ties by time then id: a total order independent of the input's order.
  const meetings = [...model.meetings].sort(
    (a, b) => compareDesc(a.date, b.date) || compareDesc(a.time ?? '', b.time ?? '') || compareAsc(a.id, b.id),
  );
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const updatesByMeeting = groupBy(
    model.organizations.flatMap((o) => o.updates),
    (u) => u.meeting,
  );
  const cards = new Map<string, MeetingCard>();
  for (const meeting of meetings) {
    cards.set(meeting.id, sharedInPages({
      id: meeting.id,
      url: routes.meeting(meeting.id),
      date: meeting.date,
      dateLabel: formatCzechDate(meeting.date, { nbsp: true }),
      dateShort: formatCzechDateShort(meeting.date, { nbsp: true }),
      weekday: formatCzechDate(meeting.date, { weekday: true, nbsp: true }).split(' ')[0]!,
      timeLabel: formatTimeRange(meeting.time, meeting.endTime),
      year: yearOf(meeting.date),
      group: linkGroup(meeting.group),
      topics: meeting.topics,
      isDraft: meeting.status === 'draft',
      updateCount: updatesByMeeting.get(meeting.id)?.length ?? 0,
    }));
  }
  const card = (id: string): MeetingCard => {
    const found = cards.get(id);
    if (!found) throw new Error(`Model odkazuje na neexistující zápis „${id}“.`);
    return found;
  };
  const cardOrUndefined = (id: string | undefined) => (id ? cards.get(id) : undefined);

  // The task lists and every meeting page that lists a task show the same view of it: made once, shared.
  const taskView = madeOnce((task: TaskModel): TaskView =>
    sharedInPages({
      id: task.id,
      text: task.text,
      owner: task.owner,
      due: task.due,
      dueLabel: task.due ? formatCzechDate(task.due, { nbsp: true }) : undefined,
      group: linkGroup(task.group),
      meeting: card(task.meeting),
      done: task.done,
      doneIn: cardOrUndefined(task.doneIn),
    }),
  );
  const tasks = [...model.tasks]
    .filter((t) => cards.has(t.meeting))
    .sort((a, b) => compareAsc(a.due ?? '9999', b.due ?? '9999') || compareDesc(a.date, b.date) || compareAsc(a.id, b.id))
    .map((t) => taskView(t));
  const openTasks = tasks.filter((t) => !t.done);
  const doneTasks = tasks
    .filter((t) => t.done)
    .sort((a, b) => compareDesc(a.doneIn?.date ?? a.meeting.date, b.doneIn?.date ?? b.meeting.date) || compareAsc(a.id, b.id));

  const decisions = [...model.decisions]
    .filter((d) => cards.has(d.meeting))
    .sort((a, b) => compareDesc(a.date, b.date) || compareAsc(a.position.line, b.position.line) || compareAsc(a.id, b.id))
    .map((d) => decisionView(d));
  function decisionView(decision: DecisionModel): DecisionView {
    return sharedInPages({
      id: decision.id,
      label: decision.label,
      html: decision.content.html,
      group: linkGroup(decision.group),
      meeting: card(decision.meeting),
    });
  }

  const dedupedUpcoming = dedupeUpcoming(model.upcoming);
  const upcomingTimes = new Map(dedupedUpcoming.map((u) => [upcomingKey(u.group, u.date), u.time]));
  const upcomingAll = dedupedUpcoming
    .filter((u) => cards.has(u.announcedIn))
    .map((u) => upcomingView(u));
  // A meeting page, its group's page and the home page show the same announced meeting: made once, shared.
  function upcomingView(u: UpcomingMeetingModel): UpcomingView {
    return sharedInPages({
      key: `${u.date}-${u.group}`,
      date: u.date,
      dateLabel: formatCzechDate(u.date, { nbsp: true }),
      weekday: formatCzechDate(u.date, { weekday: true }).split(' ')[0]!,
      timeLabel: u.time ? formatCzechTime(u.time) : undefined,
      group: linkGroup(u.group),
      announcedIn: card(u.announcedIn),
      pending: u.pending,
    });
  }
  const pending = upcomingAll.filter((u) => u.pending);

  // A meeting page and its organization's page show the same update: made once, shared. A page
  // hash knows it by its source (model/provenance.ts) or else its texts, rather than by its
  // excerpt (which follows from the text and the render code), so the excerpt is made only for a
  // page that shows it.
  const updateView = madeOnce((u: UpdateModel): UpdateView => {
    let shortened: string | undefined;
    const view = { organization: linkOrg(u.organization), html: u.content.html, meeting: card(u.meeting) } as UpdateView;
    Object.defineProperty(view, 'excerpt', { enumerable: true, get: () => (shortened ??= excerpt(u.content.text)) });
    return sharedInPages(view, () => [sourceOf(u) ?? [view.html, u.content.text], view.organization, view.meeting]);
  });

  /* meetings */
  // Everything a meeting page lists, indexed by meeting once: scanning the archive for every
  // meeting made this quadratic in the number of minutes.
  const mentionsByMeeting = new Map<string, string[]>();
  for (const org of model.organizations) {
    for (const mention of org.mentions) pushTo(mentionsByMeeting, mention.meeting, org.id);
  }
  const tasksByMeeting = new Map<string, TaskModel[]>();
  for (const task of model.tasks) {
    if (!cards.has(task.meeting)) continue;
    for (const id of new Set(task.history.map((h) => h.meeting))) pushTo(tasksByMeeting, id, task);
  }
  const decisionsByMeeting = groupBy(decisions, (d) => d.meeting.id);
  const announcedByMeeting = groupBy(upcomingAll, (u) => u.announcedIn.id);
  const neighbours = groupNeighbours(meetings);
  const meetingPages = meetings.map((meeting): MeetingPage => {
    const base = card(meeting.id);
    const updates = (updatesByMeeting.get(meeting.id) ?? [])
      .slice()
      .sort((a, b) => compareAsc(a.position.line, b.position.line) || compareAsc(a.position.column, b.position.column))
      .map((u) => updateView(u));
    const mentionedIds = new Set(mentionsByMeeting.get(meeting.id));
    for (const u of updates) mentionedIds.delete(u.organization.id);
    const mentioned = sortCzech([...mentionedIds].map(linkOrg), (o) => o.name);
    const meetingTasks = (tasksByMeeting.get(meeting.id) ?? [])
      .slice()
      .sort((a, b) => compareAsc(a.date, b.date) || compareAsc(a.position.line, b.position.line) || compareAsc(a.id, b.id))
      .map((t) => taskView(t));
    const organizationsHere = new Set<string>([
      ...updates.map((u) => u.organization.name),
      ...mentioned.map((o) => o.name),
      ...[...meeting.attendees, ...meeting.guests]
        .map((p) => (p.organization ? orgLinks.get(p.organization)?.name : undefined))
        .filter((x): x is string => Boolean(x)),
    ]);
    const heading = `Zápis z jednání ${base.dateLabel}`;
    return {
      ...base,
      file: meeting.file,
      editUrl: editUrl(site.repository, site.branch, meeting.file),
      pageTitle: `${heading} – ${base.group.label}`,
      heading,
      sourceTitle: meeting.title,
      venue: meeting.venue,
      attendees: meeting.attendees.map(personView),
      guests: meeting.guests.map(personView),
      excused: meeting.excused.map(personView),
      recorder: meeting.recorder,
      verifier: meeting.verifier,
      source: meeting.source,
      body: new MeetingText(meeting.body),
      updates,
      mentioned,
      tasks: meetingTasks,
      decisions: (decisionsByMeeting.get(meeting.id) ?? []).slice().reverse(),
      announced: announcedByMeeting.get(meeting.id) ?? [],
      previous: cardOrUndefined(meeting.previous ?? neighbours.get(meeting.id)?.older),
      next: cardOrUndefined(meeting.next ?? neighbours.get(meeting.id)?.newer),
      search: {
        group: base.group.label,
        year: base.year,
        organizations: [...organizationsHere].sort(compareCzech),
        sort: meeting.date,
      },
    };
  });
  function personView(person: PersonRef): PersonView {
    const org = person.organization ? orgLinks.get(person.organization) : undefined;
    return {
      name: person.name,
      role: person.role,
      organization: org,
      organizationText: person.organization && !org ? person.organization : undefined,
    };
  }

  const meetingsByYear = byYear(meetings.map((m) => card(m.id)), (c) => c.year);
  const years = meetingsByYear.map((y) => y.year);

  /* groups */
  const meetingsByGroup = groupBy(meetings, (m) => m.group);
  // A group's page is also shown, in part, by the home page and the list of groups: hashed once.
  const groupPages = model.groups.map((group): GroupPage => sharedInPages(groupPage(group)));
  function groupPage(group: GroupModel): GroupPage {
    const own = meetingsByGroup.get(group.id) ?? [];
    const ownCards = own.map((m) => card(m.id));
    const chronological = [...own].reverse();
    const attendance = chronological.map((m) => ({
      meeting: card(m.id),
      attendees: m.attendees.length,
      guests: m.guests.length,
      excused: m.excused.length,
    }));
    const link = linkGroup(group.id);
    return {
      id: group.id,
      url: link.url,
      name: group.name,
      short: group.short,
      description: group.description,
      aliases: group.aliases,
      editUrl: editUrl(site.repository, site.branch, CONFIG_FILE_PATH),
      file: CONFIG_FILE_PATH,
      calendarUrl: routes.groupCalendar(group.id),
      meetingCount: own.length,
      meetingCountLabel: pluralCs(own.length, ['zápis', 'zápisy', 'zápisů']),
      first: ownCards[ownCards.length - 1],
      last: ownCards[0],
      meetingsByYear: byYear(ownCards, (c) => c.year),
      openTasks: openTasks.filter((t) => t.group.id === group.id),
      doneTasks: doneTasks.filter((t) => t.group.id === group.id),
      decisions: decisions.filter((d) => d.group.id === group.id),
      upcoming: pending.filter((u) => u.group.id === group.id),
      attendance,
      attendanceChart: attendance.length
        ? attendanceChart(
            `dochazka-${group.id}`,
            attendance.map((a) => ({
              date: a.meeting.date,
              label: formatCzechDateShort(a.meeting.date),
              count: a.attendees + a.guests,
            })),
            group.short,
          )
        : undefined,
    };
  }

  /* organizations */
  const attendedByOrg = new Map<string, Map<string, Set<string>>>();
  for (const meeting of meetings) {
    for (const person of [...meeting.attendees, ...meeting.guests]) {
      if (!person.organization) continue;
      const byMeeting = attendedByOrg.get(person.organization) ?? new Map<string, Set<string>>();
      attendedByOrg.set(person.organization, byMeeting);
      const names = byMeeting.get(meeting.id) ?? new Set<string>();
      names.add(person.name);
      byMeeting.set(meeting.id, names);
    }
  }
  const orgPages = sortCzech(model.organizations, (o) => o.name).map((org): OrgPage => {
    const link = linkOrg(org.id);
    const updates = org.updates
      .filter((u) => cards.has(u.meeting))
      .slice()
      .sort((a, b) => compareDesc(a.date, b.date) || compareAsc(a.meeting, b.meeting) || compareAsc(a.position.line, b.position.line))
      // The model files an update under the organization it names (u.organization === org.id).
      .map(updateView);
    const attendedMap = attendedByOrg.get(org.id) ?? new Map<string, Set<string>>();
    const peopleCount = new Map<string, number>();
    for (const names of attendedMap.values()) for (const name of names) peopleCount.set(name, (peopleCount.get(name) ?? 0) + 1);
    return {
      id: org.id,
      url: link.url,
      name: org.name,
      short: org.short,
      aliases: org.aliases,
      kind: org.kind,
      website: org.website,
      description: org.description,
      contacts: org.contacts,
      editUrl: editUrl(site.repository, site.branch, organizationFile(org.id)),
      file: organizationFile(org.id),
      updatesByYear: byYear(updates, (u) => u.meeting.year),
      updateCount: updates.length,
      mentions: org.mentions
        .filter((m) => cards.has(m.meeting))
        .slice()
        .sort((a, b) => compareDesc(a.date, b.date) || compareAsc(a.meeting, b.meeting) || compareAsc(a.position.line, b.position.line))
        .map((m) => ({ meeting: card(m.meeting), written: m.written, context: m.context })),
      people: sortCzech([...peopleCount].map(([name, count]) => ({ name, count })), (p) => p.name),
      attended: [...attendedMap]
        .map(([id, names]) => ({ meeting: card(id), people: [...names].sort(compareCzech) }))
        .sort((a, b) => compareDesc(a.meeting.date, b.meeting.date) || compareAsc(a.meeting.id, b.meeting.id)),
      lastUpdate: updates[0]?.meeting,
    };
  });
  const orgRows: OrgRow[] = orgPages.map((o) => ({
    id: o.id,
    url: o.url,
    name: o.name,
    label: o.short || o.name,
    short: o.short,
    kind: o.kind,
    updateCount: o.updateCount,
    mentionCount: o.mentions.length,
    lastUpdate: o.lastUpdate,
  }));

  /* organization × year grid (oldest year first, like a timeline) */
  const gridColumns = [...years].reverse();
  const gridRows = orgPages
    .map((o, i) => ({ o, row: orgRows[i]! }))
    .filter(({ o }) => o.updateCount > 0)
    .map(({ o, row }) => ({
      org: row,
      cells: gridColumns.map((year) => o.updatesByYear.find((y) => y.year === year)?.items.length ?? 0),
    }));
  const updatesGrid = {
    columns: gridColumns,
    rows: gridRows,
    chart: gridRows.length
      ? updatesGridChart(
          'informace-podle-let',
          gridRows.map((r) => ({ label: r.org.label, cells: r.cells })),
          gridColumns,
        )
      : undefined,
  };

  /* years */
  const decisionsByYear = byYear(decisions, (d) => d.meeting.year);
  const yearDecisions = new Map(decisionsByYear.map((y) => [y.year, y.items]));
  const yearPages = meetingsByYear.map((group, index): YearPage => {
    const counts = new Map<string, number>();
    for (const m of group.items) counts.set(m.group.id, (counts.get(m.group.id) ?? 0) + 1);
    const newer = meetingsByYear[index - 1];
    const older = meetingsByYear[index + 1];
    return {
      year: group.year,
      url: group.url,
      meetings: group.items,
      byGroup: [...counts]
        .sort((a, b) => compareAsc(groupIndex.get(a[0]) ?? 99, groupIndex.get(b[0]) ?? 99))
        .map(([id, count]) => ({ group: linkGroup(id), count })),
      decisions: yearDecisions.get(group.year) ?? [],
      updateCount: group.items.reduce((sum, m) => sum + m.updateCount, 0),
      previous: older ? { url: older.url, label: older.year } : undefined,
      next: newer ? { url: newer.url, label: newer.year } : undefined,
    };
  });
  const chartGroups = model.groups.map((g) => linkGroup(g.id));
  const yearsRows = yearPages.map((y) => {
    const cells = chartGroups.map((g) => y.byGroup.find((b) => b.group.id === g.id)?.count ?? 0);
    return { year: y.year, url: y.url, cells, total: cells.reduce((a, b) => a + b, 0) };
  });
  const yearsChart = {
    columns: chartGroups,
    rows: yearsRows,
    chart: yearsRows.length
      ? meetingsPerYearChart(
          'jednani-podle-let',
          yearsRows.map((r) => ({
            year: r.year,
            segments: chartGroups.map((g, i) => ({ key: g.id, label: g.label, count: r.cells[i] ?? 0 })),
          })),
          chartGroups.map((g) => ({ key: g.id, label: g.label })),
        )
      : undefined,
  };

  /* text files */
  const absolute = (sitePath: string) => absoluteUrl(site.baseUrl, options.basePath, sitePath);
  const canonical = (sitePath: string) => new URL(sitePath.replace(/^\/+/, ''), ensureSlash(site.baseUrl)).href;
  const feedEntries: FeedEntry[] = meetingPages.slice(0, FEED_ENTRIES).map((m) => ({
    id: canonical(m.url),
    url: absolute(m.url),
    title: `${m.group.label}: ${m.heading.replace(/\u00a0/g, ' ')}${m.isDraft ? ' (koncept)' : ''}`,
    date: m.date,
    time: meetingById.get(m.id)?.time,
    summary: m.topics.length ? `Program: ${m.topics.join('; ')}` : (meetingById.get(m.id)?.body.text.slice(0, 280) ?? ''),
    html: m.body.html,
    category: { term: m.group.id, label: m.group.name },
  }));
  const feed = buildAtomFeed(feedEntries, {
    id: canonical('/'),
    title: site.title,
    subtitle: site.description,
    selfUrl: absolute(routes.feed),
    homeUrl: absolute(routes.home),
    author: site.title,
    language: site.language,
  });
  const host = hostOf(site.baseUrl);
  const groupById = new Map(model.groups.map((g) => [g.id, g]));
  // One event per announced meeting, shared by the calendar of all groups and that of its own: a
  // page hash takes its digest, made once.
  const events = upcomingAll.map((u): CalendarEvent => {
    const announcing = meetingById.get(u.announcedIn.id)!;
    const group = groupById.get(u.group.id);
    return sharedInPages({
      uid: `${u.date}-${u.group.id}@${host}`,
      date: u.date,
      time: upcomingTimes.get(upcomingKey(u.group.id, u.date)),
      announced: announcing.date,
      summary: `Jednání: ${group?.short ?? u.group.label}`,
      description:
        `${group?.name ?? u.group.label}. Ohlášeno v zápisu z ${formatCzechDate(announcing.date)}: ${absolute(u.announcedIn.url)}` +
        (u.timeLabel ? '' : ' Čas jednání nebyl v zápisu uveden.'),
      url: absolute(u.group.url),
      categories: ['KPSS', group?.short ?? u.group.label],
    });
  });
  const prodId = '-//KPSS Liberec//Archiv zapisu//CS';
  const calendar = calendarFile(events, {
    name: `${site.title}: ohlášená jednání`,
    description: site.description,
    prodId,
  });
  const groupCalendars = model.groups.map((g) => ({
    group: g.id,
    calendar: calendarFile(events.filter((_, i) => upcomingAll[i]!.group.id === g.id), {
      name: `${g.short}: ohlášená jednání`,
      description: g.name,
      prodId,
    }),
  }));

  return {
    site: {
      title: site.title,
      description: site.description,
      language: site.language || 'cs',
      repository: site.repository,
      branch: site.branch,
      configEditUrl: editUrl(site.repository, site.branch, CONFIG_FILE_PATH),
      // Pages made of many minutes (home, years, tasks…) have the minutes folder as their source:
      // there the secretary opens a minute or adds one with "Add file".
      minutesFolderUrl: folderUrl(site.repository, site.branch, 'minutes'),
    },
    nav: NAV,
    home: {
      latest: meetings.slice(0, LATEST_ON_HOME).map((m) => card(m.id)),
      upcoming: [...pending].sort((a, b) => compareAsc(a.date, b.date) || compareAsc(a.group.id, b.group.id)),
      openTasks: openTasks.slice(0, TASKS_ON_HOME),
      openTaskCount: openTasks.length,
      groups: groupPages,
      organizations: orgRows,
      meetingCount: meetings.length,
      years: years.map((y) => ({ url: routes.year(y), label: y })),
    },
    meetings: meetingPages,
    meetingsByYear,
    groups: groupPages,
    organizations: orgPages,
    organizationRows: orgRows,
    updatesGrid,
    years: yearPages,
    yearsChart,
    tasks: { open: openTasks, done: doneTasks },
    decisionsByYear,
    decisionCount: decisions.length,
    upcomingAll,
    // /data/archive.json is not here: renderSite writes it straight to the output (it is the
    // largest file of the site and would otherwise sit in memory for the whole render).
    files: { feed, calendar, groupCalendars },
  };
}

/* ---------------------------------------------------------------- helpers */

function groupLink(group: GroupModel): GroupLink {
  return { id: group.id, name: group.name, label: group.short || group.name, url: routes.group(group.id) };
}

function orgLink(org: OrganizationModel): OrgLink {
  return { id: org.id, name: org.name, label: org.short || org.name, url: routes.organization(org.id) };
}

/** Items (already in display order) grouped by year, years newest first. */
export function byYear<T>(items: readonly T[], year: (item: T) => string): YearGroup<T>[] {
  return [...groupBy(items, year)]
    .sort((a, b) => compareDesc(a[0], b[0]))
    .map(([y, list]) => ({ year: y, url: routes.year(y), items: list }));
}

/** One entry per group and date; a frontmatter announcement (with its time) wins over one found in text. */
export function dedupeUpcoming(upcoming: readonly UpcomingMeetingModel[]): UpcomingMeetingModel[] {
  const chosen = new Map<string, UpcomingMeetingModel>();
  for (const u of upcoming) {
    const key = upcomingKey(u.group, u.date);
    const existing = chosen.get(key);
    if (!existing || rank(u) > rank(existing) || (rank(u) === rank(existing) && u.announcedIn < existing.announcedIn)) {
      chosen.set(key, u);
    }
  }
  return [...chosen.values()].sort((a, b) => compareAsc(a.date, b.date) || compareAsc(a.group, b.group));
}

function rank(u: UpcomingMeetingModel): number {
  return (u.from === 'frontmatter' ? 2 : 0) + (u.time ? 1 : 0);
}

function upcomingKey(group: string, date: string): string {
  return `${group}\u0000${date}`;
}

/** Each meeting's older and newer meeting of the same group; `meetings` is newest first. */
function groupNeighbours(meetings: readonly MeetingModel[]): Map<string, { older?: string; newer?: string }> {
  const result = new Map<string, { older?: string; newer?: string }>();
  for (const same of groupBy(meetings, (m) => m.group).values()) {
    same.forEach((m, i) => result.set(m.id, { older: same[i + 1]?.id, newer: same[i - 1]?.id }));
  }
  return result;
}

/** The first sentence, cut at a word boundary to about `max` characters. */
export function excerpt(text: string, max = 150): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(clean)?.[1] ?? clean;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:–-]+$/, '')}…`;
}

/** `make` called once per key; later calls with the same key give the same object. */
function madeOnce<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

function compareAsc<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDesc<T extends string | number>(a: T, b: T): number {
  return compareAsc(b, a);
}

function ensureSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || 'kpss.invalid';
  } catch {
    return 'kpss.invalid';
  }
}
