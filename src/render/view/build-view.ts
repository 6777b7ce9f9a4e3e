/**
 * View preparation: a pure function from the archive model to exactly what the templates show.
 * Grouping, sorting (Czech collation), date formatting, charts, feed and calendar texts are done
 * here, so the Nunjucks templates only present: loops, conditions on present/absent, output.
 * Each kind of page has its own file beside this one; this one puts them together.
 */
import type { ArchiveModel } from '../../model/types.ts';
import { CONFIG_FILE_PATH, folderUrl, routes } from '../urls.ts';
import { viewContext } from './context.ts';
import { groupPages } from './group-pages.ts';
import { meetingPages } from './meeting-pages.ts';
import { byYear, compareAsc } from './order.ts';
import { organizationPages, organizationRow, updatesGrid } from './organization-pages.ts';
import { textFiles } from './text-files.ts';
import type { Link, SiteView, ViewOptions } from './types.ts';
import { yearPages, yearsChart } from './year-pages.ts';

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

export function buildView(model: ArchiveModel, options: ViewOptions): SiteView {
  const { site } = model;
  const context = viewContext(model);
  const { meetings, cards, tasks, upcoming } = context;
  const meetingsByYear = byYear(meetings.map((m) => cards.of(m.id)), (c) => c.year);
  const years = meetingsByYear.map((y) => y.year);
  const meetingPagesNewestFirst = meetingPages(context);
  const groups = groupPages(context);
  const organizations = organizationPages(context);
  const organizationRows = organizations.map(organizationRow);
  const decisionsByYear = byYear(context.decisions, (d) => d.meeting.year);
  const yearPagesNewestFirst = yearPages(context, meetingsByYear, decisionsByYear);

  return {
    site: {
      title: site.title,
      description: site.description,
      language: site.language || 'cs',
      repository: site.repository,
      branch: site.branch,
      configEditUrl: context.editUrl(CONFIG_FILE_PATH),
      // Pages made of many minutes (home, years, tasks…) have the minutes folder as their source:
      // there the secretary opens a minute or adds one with "Add file".
      minutesFolderUrl: folderUrl(site.repository, site.branch, 'minutes'),
    },
    nav: NAV,
    home: {
      latest: meetings.slice(0, LATEST_ON_HOME).map((m) => cards.of(m.id)),
      upcoming: [...upcoming.pending].sort((a, b) => compareAsc(a.date, b.date) || compareAsc(a.group.id, b.group.id)),
      openTasks: tasks.open.slice(0, TASKS_ON_HOME),
      openTaskCount: tasks.open.length,
      groups,
      organizations: organizationRows,
      meetingCount: meetings.length,
      years: years.map((y) => ({ url: routes.year(y), label: y })),
    },
    meetings: meetingPagesNewestFirst,
    meetingsByYear,
    groups,
    organizations,
    organizationRows,
    updatesGrid: updatesGrid(organizations, organizationRows, years),
    years: yearPagesNewestFirst,
    yearsChart: yearsChart(context, yearPagesNewestFirst),
    tasks: { open: tasks.open, done: tasks.done },
    decisionsByYear,
    decisionCount: context.decisions.length,
    upcomingAll: upcoming.all,
    // /data/archive.json is not here: renderSite writes it straight to the output (it is the
    // largest file of the site and would otherwise sit in memory for the whole render).
    files: textFiles(context, meetingPagesNewestFirst, options.basePath),
  };
}
