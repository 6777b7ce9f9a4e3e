/**
 * The archive index's entries (a StatIndex: each minute's cache key, stat and summary) and the
 * compact form they are kept in. A warm `minutes validate` of 10,000 minutes parses every entry;
 * as objects they were 4.3 MB of JSON, and a minute without problems — nearly every one — is
 * the same dozen values each time, which a row holds in little more than half of that.
 */
import type { FileSummary } from './analyze-file.ts';
import type { EntryCodec, Remembered } from './stat-index.ts';

export interface IndexedFile extends Remembered {
  key: string;
  summary: FileSummary;
}

/** key, stat, id, group, date, time, yamlOffset, yamlLength, and the whole file's span. */
type Row = [string, string | null, string, string, string, string | null, number, number, number, number, number, number];

export const ARCHIVE_INDEX_CODEC: EntryCodec<IndexedFile> = {
  encode(entry) {
    const { check, extract, minute } = entry.summary;
    if (check.length || extract.length || !minute) return entry;
    const { id, meeting, yamlOffset, yamlLength, wholeSpan } = minute;
    const row: Row = [entry.key, entry.stat ?? null, id, meeting.group, meeting.date, meeting.time ?? null, yamlOffset, yamlLength, wholeSpan.start.line, wholeSpan.start.column, wholeSpan.end.line, wholeSpan.end.column];
    // Anything a row does not hold (a YAML text of its own, a member added later) keeps the entry as it is.
    return JSON.stringify(fromRow(row)) === JSON.stringify(entry) ? row : entry;
  },
  decode(stored) {
    return Array.isArray(stored) ? fromRow(stored as Row) : (stored as IndexedFile);
  },
};

function fromRow([key, stat, id, group, date, time, yamlOffset, yamlLength, startLine, startColumn, endLine, endColumn]: Row): IndexedFile {
  return {
    key,
    ...(stat === null ? {} : { stat }),
    summary: {
      check: [],
      extract: [],
      minute: {
        id,
        meeting: time === null ? { group, date } : { group, date, time },
        yamlOffset,
        yamlLength,
        wholeSpan: { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } },
      },
    },
  };
}
