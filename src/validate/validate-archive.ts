import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { spanAt } from './schema-diagnostics.ts';
import type { ValidatedMinute } from './validate-minute.ts';

/**
 * Checks that need the whole archive: one meeting, one file. Both files of a pair are told,
 * since either may be the one to remove.
 */
export function validateArchive(minutes: readonly ValidatedMinute[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byMeeting = new Map<string, ValidatedMinute>();
  const byId = new Map<string, ValidatedMinute>();
  const report = (minute: ValidatedMinute, other: ValidatedMinute) =>
    diagnostics.push(
      diagnose('duplicate-meeting', minute.parsed.source.path, spanAt(minute.placement, ['date'], 'value'), {
        other: other.parsed.source.path,
      }),
    );
  for (const minute of minutes) {
    const { group, date, time } = minute.frontmatter;
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
