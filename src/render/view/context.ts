/**
 * What the view's pages share: the meetings in display order, and one object per link, card, task,
 * decision, update and announced meeting, which every page showing it shows (and a page hash takes
 * by its digest, see shared-in-pages.ts).
 */
import { groupBy } from '../../pipeline/group-by.ts';
import type { ArchiveModel, MeetingModel, UpdateModel } from '../../model/types.ts';
import { editUrl } from '../urls.ts';
import { meetingCards, type Cards } from './cards.ts';
import { decisionViews } from './decisions.ts';
import { siteLinks, type Links } from './links.ts';
import { compareAsc, compareDesc } from './order.ts';
import { taskViews, type TaskViews } from './tasks.ts';
import type { DecisionView, UpdateView } from './types.ts';
import { upcomingViews, type UpcomingViews } from './upcoming.ts';
import { updateViews } from './updates.ts';

export interface ViewContext {
  model: ArchiveModel;
  /** Newest first, ties by time then id: a total order independent of the model's order. */
  meetings: MeetingModel[];
  meetingById: ReadonlyMap<string, MeetingModel>;
  updatesByMeeting: ReadonlyMap<string, UpdateModel[]>;
  links: Links;
  cards: Cards;
  tasks: TaskViews;
  decisions: DecisionView[];
  upcoming: UpcomingViews;
  updateView(update: UpdateModel): UpdateView;
  /** Where the secretary edits `file` of the repository on GitHub. */
  editUrl(file: string): string;
}

export function viewContext(model: ArchiveModel): ViewContext {
  const meetings = [...model.meetings].sort(
    (a, b) => compareDesc(a.date, b.date) || compareDesc(a.time ?? '', b.time ?? '') || compareAsc(a.id, b.id),
  );
  const updatesByMeeting = groupBy(
    model.organizations.flatMap((o) => o.updates),
    (u) => u.meeting,
  );
  const links = siteLinks(model);
  const cards = meetingCards(meetings, updatesByMeeting, links);
  const { repository, branch } = model.site;
  return {
    model,
    meetings,
    meetingById: new Map(meetings.map((m) => [m.id, m])),
    updatesByMeeting,
    links,
    cards,
    tasks: taskViews(model, cards, links),
    decisions: decisionViews(model, cards, links),
    upcoming: upcomingViews(model.upcoming, cards, links),
    updateView: updateViews(cards, links),
    editUrl: (file) => editUrl(repository, branch, file),
  };
}
