/**
 * The page of each organization (what it reported, where it was mentioned, who came for it), its
 * row in lists, and the grid of its updates by year.
 */
import type { OrganizationModel } from '../../model/types.ts';
import { updatesGridChart } from '../charts.ts';
import { compareCzech, sortCzech } from '../czech.ts';
import { organizationFile } from '../urls.ts';
import type { ViewContext } from './context.ts';
import { byYear, compareAsc, compareDesc } from './order.ts';
import type { OrgPage, OrgRow, SiteView } from './types.ts';

/** The organizations' pages in Czech alphabetical order. */
export function organizationPages(context: ViewContext): OrgPage[] {
  const attendedByOrg = attendanceByOrganization(context.meetings);
  return sortCzech(context.model.organizations, (o) => o.name).map((org) =>
    organizationPage(org, context, attendedByOrg.get(org.id) ?? new Map<string, Set<string>>()),
  );
}

function organizationPage(org: OrganizationModel, context: ViewContext, attendedMap: Map<string, Set<string>>): OrgPage {
  const { cards } = context;
  const link = context.links.org(org.id);
  const updates = org.updates
    .filter((u) => cards.has(u.meeting))
    .slice()
    .sort((a, b) => compareDesc(a.date, b.date) || compareAsc(a.meeting, b.meeting) || compareAsc(a.position.line, b.position.line))
    // The model files an update under the organization it names (u.organization === org.id).
    .map(context.updateView);
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
    editUrl: context.editUrl(organizationFile(org.id)),
    file: organizationFile(org.id),
    updatesByYear: byYear(updates, (u) => u.meeting.year),
    updateCount: updates.length,
    mentions: org.mentions
      .filter((m) => cards.has(m.meeting))
      .slice()
      .sort((a, b) => compareDesc(a.date, b.date) || compareAsc(a.meeting, b.meeting) || compareAsc(a.position.line, b.position.line))
      .map((m) => ({ meeting: cards.of(m.meeting), written: m.written, context: m.context })),
    people: sortCzech([...peopleCount].map(([name, count]) => ({ name, count })), (p) => p.name),
    attended: [...attendedMap]
      .map(([id, names]) => ({ meeting: cards.of(id), people: [...names].sort(compareCzech) }))
      .sort((a, b) => compareDesc(a.meeting.date, b.meeting.date) || compareAsc(a.meeting.id, b.meeting.id)),
    lastUpdate: updates[0]?.meeting,
  };
}

/** For each organization: the meetings its people attended (as attendees or guests), and who came. */
function attendanceByOrganization(meetings: ViewContext['meetings']): Map<string, Map<string, Set<string>>> {
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
  return attendedByOrg;
}

export function organizationRow(page: OrgPage): OrgRow {
  return {
    id: page.id,
    url: page.url,
    name: page.name,
    label: page.short || page.name,
    short: page.short,
    kind: page.kind,
    updateCount: page.updateCount,
    mentionCount: page.mentions.length,
    lastUpdate: page.lastUpdate,
  };
}

/** Organizations that reported anything × years, oldest year first, like a timeline. */
export function updatesGrid(pages: readonly OrgPage[], rows: readonly OrgRow[], years: readonly string[]): SiteView['updatesGrid'] {
  const columns = [...years].reverse();
  const gridRows = pages
    .map((o, i) => ({ o, row: rows[i]! }))
    .filter(({ o }) => o.updateCount > 0)
    .map(({ o, row }) => ({
      org: row,
      cells: columns.map((year) => o.updatesByYear.find((y) => y.year === year)?.items.length ?? 0),
    }));
  return {
    columns,
    rows: gridRows,
    chart: gridRows.length
      ? updatesGridChart(
          'informace-podle-let',
          gridRows.map((r) => ({ label: r.org.label, cells: r.cells })),
          columns,
        )
      : undefined,
  };
}
