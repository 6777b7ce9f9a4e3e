import { meetingsAnnouncedIn } from '../../extract/announcements.ts';
import type { Block, RecogniseContext } from './types.ts';

/**
 * The frontmatter's next_meetings: what the text announces ("Příští jednání 10.1. a 14.3. vždy ve
 * 14 hodin"), read by the extract stage's own rules so that the importer and `minutes extract`
 * agree. Only this group's meetings after this one: another group's belongs in that group's
 * minutes, and an earlier date is a slip that validation would flag; both go to the review.
 */
export function announcedMeetings(
  body: readonly Block[],
  date: string,
  group: string,
  context: RecogniseContext,
  review: string[],
): string[] {
  const meetings: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      for (const meeting of meetingsAnnouncedIn(block.text.replace(/\*\*/g, ''), date, group, context.groups)) {
        const value = meeting.time ? `${meeting.date} ${meeting.time}` : meeting.date;
        if (meeting.group !== group) review.push(`Ohlášené jednání skupiny ${meeting.group} (${value}) nepatří do next_meetings tohoto zápisu.`);
        else if (meeting.date <= date) review.push(`Ohlášený termín ${value} není po tomto jednání; do next_meetings nezapsán.`);
        else if (!meetings.includes(value)) meetings.push(value);
      }
      if (block.kind === 'item') visit(block.children);
    }
  };
  visit(body);
  return meetings;
}
