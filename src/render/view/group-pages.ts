/** The page of each working group: its meetings, tasks, decisions, announced meetings and attendance. */
import { groupBy } from '../../pipeline/group-by.ts';
import type { GroupModel } from '../../model/types.ts';
import { attendanceChart } from '../charts.ts';
import { formatCzechDateShort, pluralCs } from '../czech.ts';
import { sharedInPages } from '../shared-in-pages.ts';
import { CONFIG_FILE_PATH, routes } from '../urls.ts';
import type { ViewContext } from './context.ts';
import { byYear } from './order.ts';
import type { GroupPage } from './types.ts';

export function groupPages(context: ViewContext): GroupPage[] {
  const meetingsByGroup = groupBy(context.meetings, (m) => m.group);
  // A group's page is also shown, in part, by the home page and the list of groups: hashed once.
  return context.model.groups.map((group) => sharedInPages(groupPage(group, context, meetingsByGroup.get(group.id) ?? [])));
}

function groupPage(group: GroupModel, context: ViewContext, own: ViewContext['meetings']): GroupPage {
  const { cards, tasks, upcoming } = context;
  const ownCards = own.map((m) => cards.of(m.id));
  const chronological = [...own].reverse();
  const attendance = chronological.map((m) => ({
    meeting: cards.of(m.id),
    attendees: m.attendees.length,
    guests: m.guests.length,
    excused: m.excused.length,
  }));
  const link = context.links.group(group.id);
  return {
    id: group.id,
    url: link.url,
    name: group.name,
    short: group.short,
    description: group.description,
    aliases: group.aliases,
    editUrl: context.editUrl(CONFIG_FILE_PATH),
    file: CONFIG_FILE_PATH,
    calendarUrl: routes.groupCalendar(group.id),
    meetingCount: own.length,
    meetingCountLabel: pluralCs(own.length, ['zápis', 'zápisy', 'zápisů']),
    first: ownCards[ownCards.length - 1],
    last: ownCards[0],
    meetingsByYear: byYear(ownCards, (c) => c.year),
    openTasks: tasks.open.filter((t) => t.group.id === group.id),
    doneTasks: tasks.done.filter((t) => t.group.id === group.id),
    decisions: context.decisions.filter((d) => d.group.id === group.id),
    upcoming: upcoming.pending.filter((u) => u.group.id === group.id),
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
