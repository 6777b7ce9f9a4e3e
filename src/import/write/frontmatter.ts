import { Document, Scalar, isScalar, visit } from 'yaml';
import type { MinuteFields } from '../recognise/types.ts';

/** The archive's key order, the same in every imported minute, so diffs between minutes stay small. */
const KEY_ORDER = [
  'title', 'date', 'time', 'end_time', 'group', 'venue', 'attendees', 'guests', 'excused',
  'topics', 'recorder', 'verifier', 'status', 'next_meetings', 'source',
] as const;

// Values that a YAML 1.1 reader (many editors and tools) would not read back as the same text:
// times as sexagesimal numbers, yes/no as booleans.
const AMBIGUOUS = /^(?:\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}|y|n|yes|no|on|off|true|false|null|~)$/i;

export function renderFrontmatter(fields: MinuteFields, source: string): string {
  const data: Record<string, unknown> = { ...fields, status: 'approved', source };
  const ordered = Object.fromEntries(
    KEY_ORDER.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]),
  );
  const document = new Document(ordered);
  visit(document, {
    Scalar(key, node) {
      if (key !== 'key' && isScalar(node) && typeof node.value === 'string' && AMBIGUOUS.test(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  // No folding: a long title stays on its line, as a person would write it.
  return document.toString({ lineWidth: 0 });
}
