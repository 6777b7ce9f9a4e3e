/** The page of each meeting: its minute, and everything the archive links to it. */
import { groupBy, pushTo } from '../../pipeline/group-by.ts';
import type { MeetingModel, PersonRef, TaskModel } from '../../model/types.ts';
import { compareCzech, sortCzech } from '../czech.ts';
import { MeetingText } from '../meeting-text.ts';
import type { ViewContext } from './context.ts';
import type { Links } from './links.ts';
import { compareAsc } from './order.ts';
import type { MeetingPage, PersonView } from './types.ts';

export function meetingPages(context: ViewContext): MeetingPage[] {
  const { model, meetings, cards, links } = context;
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
  const decisionsByMeeting = groupBy(context.decisions, (d) => d.meeting.id);
  const announcedByMeeting = groupBy(context.upcoming.all, (u) => u.announcedIn.id);
  const neighbours = groupNeighbours(meetings);
  const personView = (person: PersonRef) => viewOfPerson(person, links);

  return meetings.map((meeting): MeetingPage => {
    const base = cards.of(meeting.id);
    const updates = (context.updatesByMeeting.get(meeting.id) ?? [])
      .slice()
      .sort((a, b) => compareAsc(a.position.line, b.position.line) || compareAsc(a.position.column, b.position.column))
      .map((u) => context.updateView(u));
    const mentionedIds = new Set(mentionsByMeeting.get(meeting.id));
    for (const u of updates) mentionedIds.delete(u.organization.id);
    const mentioned = sortCzech([...mentionedIds].map(links.org), (o) => o.name);
    const meetingTasks = (tasksByMeeting.get(meeting.id) ?? [])
      .slice()
      .sort((a, b) => compareAsc(a.date, b.date) || compareAsc(a.position.line, b.position.line) || compareAsc(a.id, b.id))
      .map((t) => context.tasks.view(t));
    const organizationsHere = new Set<string>([
      ...updates.map((u) => u.organization.name),
      ...mentioned.map((o) => o.name),
      ...[...meeting.attendees, ...meeting.guests]
        .map((p) => (p.organization ? links.registeredOrg(p.organization)?.name : undefined))
        .filter((x): x is string => Boolean(x)),
    ]);
    const heading = `Zápis z jednání ${base.dateLabel}`;
    return {
      ...base,
      file: meeting.file,
      editUrl: context.editUrl(meeting.file),
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
      previous: cards.find(meeting.previous ?? neighbours.get(meeting.id)?.older),
      next: cards.find(meeting.next ?? neighbours.get(meeting.id)?.newer),
      search: {
        group: base.group.label,
        year: base.year,
        organizations: [...organizationsHere].sort(compareCzech),
        sort: meeting.date,
      },
    };
  });
}

function viewOfPerson(person: PersonRef, links: Links): PersonView {
  const org = person.organization ? links.registeredOrg(person.organization) : undefined;
  return {
    name: person.name,
    role: person.role,
    organization: org,
    organizationText: person.organization && !org ? person.organization : undefined,
  };
}

/** Each meeting's older and newer meeting of the same group; `meetings` is newest first. */
function groupNeighbours(meetings: readonly MeetingModel[]): Map<string, { older?: string; newer?: string }> {
  const result = new Map<string, { older?: string; newer?: string }>();
  for (const same of groupBy(meetings, (m) => m.group).values()) {
    same.forEach((m, i) => result.set(m.id, { older: same[i + 1]?.id, newer: same[i - 1]?.id }));
  }
  return result;
}
