import type { AnalyzedMinute } from '../pipeline/analyze-archive.ts';
import { fold } from '../text/normalize.ts';
import { slug } from './ids.ts';
import type { TaskModel } from './types.ts';

/**
 * A task stays open across meetings until a later minute of the same group checks it off.
 * The same task is recognised by its explicit id (`#id`) or by the same text.
 */
export function buildTasks(chronological: readonly AnalyzedMinute[]): TaskModel[] {
  const byKey = new Map<string, TaskModel>();
  const usedIds = new Set<string>();
  for (const { minute, extracted } of chronological) {
    const { group, date } = minute.frontmatter;
    for (const task of extracted.tasks) {
      const key = `${group}|${task.explicitId ?? textKey(task.text)}`;
      let model = byKey.get(key);
      if (!model) {
        model = {
          id: uniqueId(task.explicitId ?? `${group}-${slug(task.text, 48)}`, usedIds),
          text: task.text,
          ...(task.owner ? { owner: task.owner } : {}),
          ...(task.due ? { due: task.due } : {}),
          group,
          meeting: minute.id,
          date,
          done: false,
          history: [],
          position: task.position,
        };
        byKey.set(key, model);
      }
      model.history.push({ meeting: minute.id, date, checked: task.checked });
      if (task.owner) model.owner = task.owner;
      if (task.due) model.due = task.due;
      if (task.checked && !model.done) {
        model.done = true;
        model.doneIn = minute.id;
        model.doneDate = date;
      } else if (!task.checked && model.done) {
        // Reopened by a later minute: the latest word counts.
        model.done = false;
        delete model.doneIn;
        delete model.doneDate;
      }
    }
  }
  return [...byKey.values()];
}

function textKey(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
