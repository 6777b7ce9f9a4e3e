/** The page of each year, and the chart of meetings per year and group. */
import { meetingsPerYearChart } from '../charts.ts';
import type { ViewContext } from './context.ts';
import { compareAsc } from './order.ts';
import type { DecisionView, MeetingCard, SiteView, YearGroup, YearPage } from './types.ts';

/** Both lists newest year first, as the lists of meetings and decisions show them. */
export function yearPages(
  context: ViewContext,
  meetingsByYear: readonly YearGroup<MeetingCard>[],
  decisionsByYear: readonly YearGroup<DecisionView>[],
): YearPage[] {
  const groupIndex = new Map(context.model.groups.map((g, i) => [g.id, i]));
  const yearDecisions = new Map(decisionsByYear.map((y) => [y.year, y.items]));
  return meetingsByYear.map((group, index): YearPage => {
    const counts = new Map<string, number>();
    for (const m of group.items) counts.set(m.group.id, (counts.get(m.group.id) ?? 0) + 1);
    const newer = meetingsByYear[index - 1];
    const older = meetingsByYear[index + 1];
    return {
      year: group.year,
      url: group.url,
      meetings: group.items,
      byGroup: [...counts]
        .sort((a, b) => compareAsc(groupIndex.get(a[0]) ?? 99, groupIndex.get(b[0]) ?? 99))
        .map(([id, count]) => ({ group: context.links.group(id), count })),
      decisions: yearDecisions.get(group.year) ?? [],
      updateCount: group.items.reduce((sum, m) => sum + m.updateCount, 0),
      previous: older ? { url: older.url, label: older.year } : undefined,
      next: newer ? { url: newer.url, label: newer.year } : undefined,
    };
  });
}

/** Meetings per year, a column per group in the configuration's order. */
export function yearsChart(context: ViewContext, pages: readonly YearPage[]): SiteView['yearsChart'] {
  const columns = context.model.groups.map((g) => context.links.group(g.id));
  const rows = pages.map((y) => {
    const cells = columns.map((g) => y.byGroup.find((b) => b.group.id === g.id)?.count ?? 0);
    return { year: y.year, url: y.url, cells, total: cells.reduce((a, b) => a + b, 0) };
  });
  return {
    columns,
    rows,
    chart: rows.length
      ? meetingsPerYearChart(
          'jednani-podle-let',
          rows.map((r) => ({
            year: r.year,
            segments: columns.map((g, i) => ({ key: g.id, label: g.label, count: r.cells[i] ?? 0 })),
          })),
          columns.map((g) => ({ key: g.id, label: g.label })),
        )
      : undefined,
  };
}
