import { labelOf } from './labels.ts';
import { listMarker, plainText, type ListMarker } from './markup.ts';

export interface ParsedList<T> {
  values: T[];
  /** Indexes of the lines the list was read from: they are not part of the body. */
  consumed: number[];
}

const MAX_BLANKS = 2;

/**
 * The agenda under "Témata setkání:" / "Program jednání:": numbered ("1."), lettered ("a)") or
 * bulleted points on the lines below, or written on the label's own line ("Program: a) …, b) …").
 * The list ends where its numbering stops running on: the minutes' body often restarts at "1.".
 */
export function parseTopics(lines: readonly string[], labelIndex: number, rest: string): ParsedList<string> {
  const values = rest ? splitInlineTopics(rest) : [];
  const consumed = [labelIndex];
  let previous: ListMarker | undefined = rest ? listMarker(rest) : undefined;
  let i = labelIndex + 1;
  let blanks = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      if (++blanks > MAX_BLANKS) break;
      continue;
    }
    const marker = listMarker(line);
    if (!marker || labelOf(plainText(line)) || !continues(previous, marker)) break;
    values.push(topicText(marker.text));
    consumed.push(i);
    previous = marker;
    blanks = 0;
  }
  if (values.length === 0) {
    // Points without markers: the lines right under the label, up to a blank line.
    for (let j = labelIndex + 1, seen = false; j < lines.length; j++) {
      const line = plainText(lines[j]!);
      if (!line) {
        if (seen) break;
        continue;
      }
      if (labelOf(line) || line.length > 120) break;
      values.push(topicText(line));
      consumed.push(j);
      seen = true;
    }
  }
  return { values: values.filter(Boolean), consumed };
}

function continues(previous: ListMarker | undefined, next: ListMarker): boolean {
  if (!previous) return true;
  if (previous.kind !== next.kind) return false;
  return next.kind === 'bullet' || next.number === previous.number + 1;
}

function splitInlineTopics(rest: string): string[] {
  const parts = rest.split(/(?:^|\s)(?:\d{1,2}[.)]|[a-z]\))\s+/).map((part) => part.trim()).filter(Boolean);
  if (parts.length > 1 || listMarker(rest)) return parts.map(topicText);
  return rest.split(';').map(topicText);
}

/** A point without its closing punctuation: "Zahájení;" and "Zahájení." are the topic "Zahájení". */
function topicText(text: string): string {
  return plainText(text).replace(/[\s,;.]+$/, '');
}
