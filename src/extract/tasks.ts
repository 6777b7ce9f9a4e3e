import type { ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { fold } from '../text/normalize.ts';
import { headOf, positionOf } from './blocks.ts';
import { inferYear, parseCzechDate } from './czech-dates.ts';
import type { ExtractedTask } from './types.ts';

// The convention: `- [ ] Poslat mail radním — @Lukáš Průcha, do 2024-02-01 #mail-radnim`.
const OWNER = /@(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u;
const DUE = /\bdo\s+(\d{4}-\d{2}-\d{2}|\d{1,2}\.\s*\d{1,2}\.(?:\s*\d{4})?)/u;
// An id starts with a letter, so "bod #2" stays text.
const EXPLICIT_ID = /(?:^|\s)#(\p{L}[\p{L}\p{N}-]*)/u;

/** GFM task list items are tasks; owner, due date and a stable id are optional parts of the line. */
export function extractTasks(
  listItems: readonly ListItem[],
  file: string,
  meetingDate: string,
): { tasks: ExtractedTask[]; diagnostics: Diagnostic[] } {
  const tasks: ExtractedTask[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const item of listItems) {
    if (item.checked !== true && item.checked !== false) continue;
    const head = headOf(item);
    const line = head ? toString(head).replace(/\s+/g, ' ').trim() : '';
    const owner = OWNER.exec(line)?.[1];
    const dueWritten = DUE.exec(line)?.[1];
    const due = dueWritten ? dueDate(dueWritten, meetingDate) : undefined;
    if (dueWritten && !due) {
      const p = positionOf(item);
      diagnostics.push(
        diagnose('invalid-task-due', file, { start: { line: p.line, column: p.column }, end: { line: p.endLine, column: p.endColumn } }, {
          value: dueWritten,
        }),
      );
    }
    const explicitId = EXPLICIT_ID.exec(line)?.[1];
    const text = line
      .replace(OWNER, '')
      .replace(DUE, '')
      .replace(EXPLICIT_ID, '')
      .replace(/[\s,;—–-]+$/u, '')
      .replace(/\s+[—–-]\s*(?=,|$)/u, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
    tasks.push({
      ...(explicitId ? { explicitId: fold(explicitId) } : {}),
      text,
      ...(owner ? { owner } : {}),
      ...(due ? { due } : {}),
      checked: item.checked,
      position: positionOf(item),
    });
  }
  return { tasks, diagnostics };
}

/** "do 15. 2." without a year is the next 15 February from the meeting on. */
function dueDate(written: string, meetingDate: string): string | undefined {
  const dayMonth = /^(\d{1,2})\.\s*(\d{1,2})\.$/.exec(written.trim());
  return dayMonth ? inferYear(Number(dayMonth[1]), Number(dayMonth[2]), meetingDate) : parseCzechDate(written);
}
