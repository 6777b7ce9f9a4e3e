import type { AnalyzedMinute } from '../pipeline/analyze-archive.ts';
import type { UpcomingMeetingModel } from './types.ts';

/**
 * Announced meetings, one per group and day; the latest minute that announces a day has the last
 * word on its time. "Pending" needs no clock (builds stay deterministic): a meeting is pending
 * while no minute of its group exists on or after its day.
 */
export function buildUpcoming(chronological: readonly AnalyzedMinute[]): UpcomingMeetingModel[] {
  const byKey = new Map<string, UpcomingMeetingModel>();
  for (const { minute, extracted } of chronological) {
    for (const announced of extracted.announced) {
      byKey.set(`${announced.group}|${announced.date}`, {
        group: announced.group,
        date: announced.date,
        ...(announced.time ? { time: announced.time } : {}),
        announcedIn: minute.id,
        from: announced.from,
        pending: true,
      });
    }
  }
  const latestOfGroup = new Map<string, string>();
  for (const { minute } of chronological) latestOfGroup.set(minute.frontmatter.group, minute.frontmatter.date);
  return [...byKey.values()]
    .map((meeting) => ({ ...meeting, pending: (latestOfGroup.get(meeting.group) ?? '') < meeting.date }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
