/** Tasks as the task lists, group pages and meeting pages show them. */
import type { ArchiveModel, TaskModel } from '../../model/types.ts';
import { formatCzechDate } from '../czech.ts';
import { sharedInPages } from '../shared-in-pages.ts';
import type { Cards } from './cards.ts';
import type { Links } from './links.ts';
import { compareAsc, compareDesc, madeOnce } from './order.ts';
import type { TaskView } from './types.ts';

export interface TaskViews {
  /** The one view of `task` that every page listing it shows. */
  view(task: TaskModel): TaskView;
  /** Open tasks, soonest due first. */
  open: TaskView[];
  /** Done tasks, most recently done first. */
  done: TaskView[];
}

export function taskViews(model: ArchiveModel, cards: Cards, links: Links): TaskViews {
  // The task lists and every meeting page that lists a task show the same view of it: made once, shared.
  const view = madeOnce((task: TaskModel): TaskView =>
    sharedInPages({
      id: task.id,
      text: task.text,
      owner: task.owner,
      due: task.due,
      dueLabel: task.due ? formatCzechDate(task.due, { nbsp: true }) : undefined,
      group: links.group(task.group),
      meeting: cards.of(task.meeting),
      done: task.done,
      doneIn: cards.find(task.doneIn),
    }),
  );
  const all = [...model.tasks]
    .filter((t) => cards.has(t.meeting))
    .sort((a, b) => compareAsc(a.due ?? '9999', b.due ?? '9999') || compareDesc(a.date, b.date) || compareAsc(a.id, b.id))
    .map((t) => view(t));
  const done = all
    .filter((t) => t.done)
    .sort((a, b) => compareDesc(a.doneIn?.date ?? a.meeting.date, b.doneIn?.date ?? b.meeting.date) || compareAsc(a.id, b.id));
  return { view, open: all.filter((t) => !t.done), done };
}
