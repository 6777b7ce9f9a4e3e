/** Announced meetings as the home page, group pages, meeting pages and calendars show them. */
import type { UpcomingMeetingModel } from '../../model/types.ts';
import { formatCzechDate, formatCzechTime } from '../czech.ts';
import { sharedInPages } from '../shared-in-pages.ts';
import type { Cards } from './cards.ts';
import type { Links } from './links.ts';
import { compareAsc } from './order.ts';
import type { UpcomingView } from './types.ts';

export interface UpcomingViews {
  /** One per group and date, soonest first. */
  all: UpcomingView[];
  /** Those still to be held. */
  pending: UpcomingView[];
  /** The time announced for the group's meeting on `date`, if any announcement gave one. */
  timeOf(group: string, date: string): string | undefined;
}

export function upcomingViews(upcoming: readonly UpcomingMeetingModel[], cards: Cards, links: Links): UpcomingViews {
  const deduped = dedupeUpcoming(upcoming);
  const times = new Map(deduped.map((u) => [upcomingKey(u.group, u.date), u.time]));
  // A meeting page, its group's page and the home page show the same announced meeting: made once, shared.
  const all = deduped
    .filter((u) => cards.has(u.announcedIn))
    .map((u): UpcomingView =>
      sharedInPages({
        key: `${u.date}-${u.group}`,
        date: u.date,
        dateLabel: formatCzechDate(u.date, { nbsp: true }),
        weekday: formatCzechDate(u.date, { weekday: true }).split(' ')[0]!,
        timeLabel: u.time ? formatCzechTime(u.time) : undefined,
        group: links.group(u.group),
        announcedIn: cards.of(u.announcedIn),
        pending: u.pending,
      }),
    );
  return {
    all,
    pending: all.filter((u) => u.pending),
    timeOf: (group, date) => times.get(upcomingKey(group, date)),
  };
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
