import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { spanAt } from './yaml-node.ts';
import type { MinuteFrontmatter } from '../schema/minute.ts';
import type { ValidatedMinute } from './validate-minute.ts';

/**
 * A minute as the archive-wide checks read it: not its whole frontmatter, only the meeting it
 * records. What `minutes validate` keeps of every minute.
 */
export interface CheckedMinute extends Omit<ValidatedMinute, 'frontmatter'> {
  meeting: Pick<MinuteFrontmatter, 'group' | 'date' | 'time'>;
}

/**
 * Checks that need the whole archive: one meeting, one file. Both files of a pair are told,
 * since either may be the one to remove.
 */
export function validateArchive(minutes: readonly CheckedMinute[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byMeeting = new Map<string, CheckedMinute>();
  const byId = new Map<string, CheckedMinute>();
  const report = (minute: CheckedMinute, other: CheckedMinute) =>
    diagnostics.push(
      diagnose('duplicate-meeting', minute.parsed.source.path, spanAt(minute.placement, ['date'], 'value'), {
        other: other.parsed.source.path,
      }),
    );
  for (const minute of minutes) {
    const { group, date, time } = minute.meeting;
    const meetingKey = `${group}|${date}|${time ?? ''}`;
    const other = byMeeting.get(meetingKey) ?? byId.get(minute.id);
    if (other) {
      report(minute, other);
      report(other, minute);
    } else {
      byMeeting.set(meetingKey, minute);
      byId.set(minute.id, minute);
    }
  }
  return diagnostics;
}
