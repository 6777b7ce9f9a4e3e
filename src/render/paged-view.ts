/**
 * Every page of the site is made one per item of the view: a meeting, an organization, a group, a
 * year, a group's calendar — and each archive-wide page (home, the lists, feed, calendar, search,
 * 404) from an item of its own, holding the parts of the view it shows. The templates page over
 * `pages.*` (global data) and read nothing but their item and the data every page shares (`site`,
 * `nav`), so a page's output is a function of exactly `pageData(shared, item)` and the templates.
 * Incremental rendering relies on that; test/site/incremental.test.ts holds the templates to it.
 */
import type { CalendarFile } from './calendar-file.ts';
import { routes } from './urls.ts';
import type { SiteView } from './view/types.ts';

export interface PagedView {
  meetings: SiteView['meetings'];
  organizations: SiteView['organizations'];
  groups: SiteView['groups'];
  years: SiteView['years'];
  groupCalendars: SiteView['files']['groupCalendars'];
  home: Pick<SiteView, 'home'>[];
  meetingList: Pick<SiteView, 'meetingsByYear'>[];
  decisionList: Pick<SiteView, 'decisionsByYear'>[];
  taskList: Pick<SiteView, 'tasks'>[];
  groupList: Pick<SiteView, 'groups' | 'yearsChart'>[];
  yearList: Pick<SiteView, 'years' | 'yearsChart'>[];
  organizationList: Pick<SiteView, 'organizationRows' | 'updatesGrid'>[];
  feed: { feed: string }[];
  calendar: { calendar: CalendarFile }[];
  /** Pages that show nothing of the archive, made from an empty item. */
  search: Record<string, never>[];
  notFound: Record<string, never>[];
}

export type PageFamily = keyof PagedView;

/** What every page receives besides its own item (the layout's header, navigation and footer). */
export interface SharedPageData {
  site: SiteView['site'];
  nav: SiteView['nav'];
}

export function pagedView(view: SiteView): PagedView {
  return {
    meetings: view.meetings,
    organizations: view.organizations,
    groups: view.groups,
    years: view.years,
    groupCalendars: view.files.groupCalendars,
    home: [{ home: view.home }],
    meetingList: [{ meetingsByYear: view.meetingsByYear }],
    decisionList: [{ decisionsByYear: view.decisionsByYear }],
    taskList: [{ tasks: view.tasks }],
    groupList: [{ groups: view.groups, yearsChart: view.yearsChart }],
    yearList: [{ years: view.years, yearsChart: view.yearsChart }],
    organizationList: [{ organizationRows: view.organizationRows, updatesGrid: view.updatesGrid }],
    feed: [{ feed: view.files.feed }],
    calendar: [{ calendar: view.files.calendar }],
    search: [{}],
    notFound: [{}],
  };
}

export function sharedPageData(view: SiteView): SharedPageData {
  return { site: view.site, nav: view.nav };
}

/**
 * The file (relative to the output directory) each item's page is written to. It mirrors the
 * permalinks of the paginated templates; renderSite checks after every render that each page it
 * asked for is where this says.
 */
export const PAGE_FILES: { [F in PageFamily]: (item: PagedView[F][number]) => string } = {
  meetings: (meeting) => fileOf(routes.meeting(meeting.id)),
  organizations: (org) => fileOf(routes.organization(org.id)),
  groups: (group) => fileOf(routes.group(group.id)),
  years: (year) => fileOf(routes.year(year.year)),
  groupCalendars: (calendar) => fileOf(routes.groupCalendar(calendar.group)),
  home: () => fileOf(routes.home),
  meetingList: () => fileOf(routes.meetings),
  decisionList: () => fileOf(routes.decisions),
  taskList: () => fileOf(routes.tasks),
  groupList: () => fileOf(routes.groups),
  yearList: () => fileOf(routes.years),
  organizationList: () => fileOf(routes.organizations),
  feed: () => fileOf(routes.feed),
  calendar: () => fileOf(routes.calendar),
  search: () => fileOf(routes.search),
  notFound: () => fileOf(routes.notFound),
};

export const PAGE_FAMILIES = Object.keys(PAGE_FILES) as PageFamily[];

export function pageFile(family: PageFamily, item: PagedView[PageFamily][number]): string {
  return (PAGE_FILES[family] as (item: unknown) => string)(item);
}

/** The files of all pages in `pages`, in order. */
export function pageFilesOf(pages: PagedView): string[] {
  return PAGE_FAMILIES.flatMap((family) => (pages[family] as PagedView[PageFamily][number][]).map((item) => pageFile(family, item)));
}

export function countPages(pages: PagedView): number {
  return PAGE_FAMILIES.reduce((sum, family) => sum + pages[family].length, 0);
}

/**
 * The pages cut into runs of at most `size` items, in order; always at least one run. Eleventy
 * holds every page it renders in memory until its run ends, so a large archive is rendered in
 * several runs.
 */
export function batchPages(pages: PagedView, size: number): PagedView[] {
  const batches: PagedView[] = [];
  let current = emptyPages();
  let count = 0;
  for (const family of PAGE_FAMILIES) {
    for (const item of pages[family] as unknown[]) {
      if (count === size) {
        batches.push(current);
        current = emptyPages();
        count = 0;
      }
      (current[family] as unknown[]).push(item);
      count++;
    }
  }
  batches.push(current);
  return batches;
}

/** A PagedView with no item in any family. */
export function emptyPages(): PagedView {
  return Object.fromEntries(PAGE_FAMILIES.map((family) => [family, []])) as unknown as PagedView;
}

/** "/zapisy/x/" → "zapisy/x/index.html"; "/skupiny/x/kalendar.ics" → "skupiny/x/kalendar.ics". */
function fileOf(sitePath: string): string {
  const clean = decodeURIComponent(sitePath).replace(/^\/+/, '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}
