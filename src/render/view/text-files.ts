/** The site's text files: the Atom feed of the newest minutes and the calendars of announced meetings. */
import { buildAtomFeed, type FeedEntry } from '../atom.ts';
import { calendarFile } from '../calendar-file.ts';
import { formatCzechDate } from '../czech.ts';
import type { CalendarEvent } from '../ics.ts';
import { sharedInPages } from '../shared-in-pages.ts';
import { absoluteUrl, routes } from '../urls.ts';
import type { ViewContext } from './context.ts';
import type { MeetingPage, SiteView } from './types.ts';

const FEED_ENTRIES = 20;
const PROD_ID = '-//KPSS Liberec//Archiv zapisu//CS';

/** `meetingPages` newest first. */
export function textFiles(context: ViewContext, meetingPages: readonly MeetingPage[], basePath: string): SiteView['files'] {
  const { site } = context.model;
  const absolute = (sitePath: string) => absoluteUrl(site.baseUrl, basePath, sitePath);
  return { feed: feed(context, meetingPages, absolute), ...calendars(context, absolute) };
}

function feed(context: ViewContext, meetingPages: readonly MeetingPage[], absolute: (sitePath: string) => string): string {
  const { site } = context.model;
  const canonical = (sitePath: string) => new URL(sitePath.replace(/^\/+/, ''), ensureSlash(site.baseUrl)).href;
  const entries: FeedEntry[] = meetingPages.slice(0, FEED_ENTRIES).map((m) => ({
    id: canonical(m.url),
    url: absolute(m.url),
    title: `${m.group.label}: ${m.heading.replace(/\u00a0/g, ' ')}${m.isDraft ? ' (koncept)' : ''}`,
    date: m.date,
    time: context.meetingById.get(m.id)?.time,
    summary: m.topics.length ? `Program: ${m.topics.join('; ')}` : (context.meetingById.get(m.id)?.body.text.slice(0, 280) ?? ''),
    html: m.body.html,
    category: { term: m.group.id, label: m.group.name },
  }));
  return buildAtomFeed(entries, {
    id: canonical('/'),
    title: site.title,
    subtitle: site.description,
    selfUrl: absolute(routes.feed),
    homeUrl: absolute(routes.home),
    author: site.title,
    language: site.language,
  });
}

function calendars(context: ViewContext, absolute: (sitePath: string) => string): Pick<SiteView['files'], 'calendar' | 'groupCalendars'> {
  const { model, upcoming } = context;
  const host = hostOf(model.site.baseUrl);
  const groupById = new Map(model.groups.map((g) => [g.id, g]));
  // One event per announced meeting, shared by the calendar of all groups and that of its own: a
  // page hash takes its digest, made once.
  const events = upcoming.all.map((u): CalendarEvent => {
    const announcing = context.meetingById.get(u.announcedIn.id)!;
    const group = groupById.get(u.group.id);
    return sharedInPages({
      uid: `${u.date}-${u.group.id}@${host}`,
      date: u.date,
      time: upcoming.timeOf(u.group.id, u.date),
      announced: announcing.date,
      summary: `Jednání: ${group?.short ?? u.group.label}`,
      description:
        `${group?.name ?? u.group.label}. Ohlášeno v zápisu z ${formatCzechDate(announcing.date)}: ${absolute(u.announcedIn.url)}` +
        (u.timeLabel ? '' : ' Čas jednání nebyl v zápisu uveden.'),
      url: absolute(u.group.url),
      categories: ['KPSS', group?.short ?? u.group.label],
    });
  });
  return {
    calendar: calendarFile(events, {
      name: `${model.site.title}: ohlášená jednání`,
      description: model.site.description,
      prodId: PROD_ID,
    }),
    groupCalendars: model.groups.map((g) => ({
      group: g.id,
      calendar: calendarFile(events.filter((_, i) => upcoming.all[i]!.group.id === g.id), {
        name: `${g.short}: ohlášená jednání`,
        description: g.name,
        prodId: PROD_ID,
      }),
    })),
  };
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
