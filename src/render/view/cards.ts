/**
 * A meeting's card: what every list of meetings shows of it. A card stands on its neighbours',
 * group's, year's and organizations' pages, so there is one per meeting, shared.
 */
import type { MeetingModel, UpdateModel } from '../../model/types.ts';
import { formatCzechDate, formatCzechDateShort, formatTimeRange, yearOf } from '../czech.ts';
import { sharedInPages } from '../shared-in-pages.ts';
import { routes } from '../urls.ts';
import type { Links } from './links.ts';
import type { MeetingCard } from './types.ts';

export interface Cards {
  /** The card of a meeting the model has; any other id is a broken model. */
  of(id: string): MeetingCard;
  /** The card of `id` when there is such a meeting. */
  find(id: string | undefined): MeetingCard | undefined;
  has(id: string): boolean;
}

export function meetingCards(
  meetings: readonly MeetingModel[],
  updatesByMeeting: ReadonlyMap<string, readonly UpdateModel[]>,
  links: Links,
): Cards {
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
      group: links.group(meeting.group),
      topics: meeting.topics,
      isDraft: meeting.status === 'draft',
      updateCount: updatesByMeeting.get(meeting.id)?.length ?? 0,
    }));
  }
  return {
    of(id) {
      const found = cards.get(id);
      if (!found) throw new Error(`Model odkazuje na neexistující zápis „${id}“.`);
      return found;
    },
    find: (id) => (id ? cards.get(id) : undefined),
    has: (id) => cards.has(id),
  };
}
