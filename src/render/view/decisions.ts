/** Decisions as the list of decisions, year, group and meeting pages show them. */
import type { ArchiveModel, DecisionModel } from '../../model/types.ts';
import { sharedInPages } from '../shared-in-pages.ts';
import type { Cards } from './cards.ts';
import type { Links } from './links.ts';
import { compareAsc, compareDesc } from './order.ts';
import type { DecisionView } from './types.ts';

/** The decisions of the archive's meetings, newest first and in their minute's order. */
export function decisionViews(model: ArchiveModel, cards: Cards, links: Links): DecisionView[] {
  return [...model.decisions]
    .filter((d) => cards.has(d.meeting))
    .sort((a, b) => compareDesc(a.date, b.date) || compareAsc(a.position.line, b.position.line) || compareAsc(a.id, b.id))
    .map((decision: DecisionModel) =>
      sharedInPages({
        id: decision.id,
        label: decision.label,
        html: decision.content.html,
        group: links.group(decision.group),
        meeting: cards.of(decision.meeting),
      }),
    );
}
