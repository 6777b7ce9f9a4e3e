/**
 * A minute's text as the cache keeps it (the `.t` part): the open data's JSON of it on the first
 * line and its HTML, as a JSON string, on the second. JSON never holds a raw line break, so the
 * open data takes the first line as it is (see stored-text.ts) and a page parses both.
 */
import type { RenderedText } from '../model/types.ts';

export function textEntry(text: RenderedText): string {
  return `${openJsonOf(text)}\n${JSON.stringify(text.html)}`;
}

/** The open data's JSON of a text: its members in the model's order without the HTML, compact. */
export function openJsonOf({ markdown, text }: RenderedText): string {
  return JSON.stringify({ markdown, text });
}

/** The text of an entry (its UTF-8 bytes); undefined for one that is not two lines of the right JSON. */
export function parseTextEntry(entry: Buffer): RenderedText | undefined {
  const lineEnd = entry.indexOf(LINE_END);
  const html = htmlOfTextEntry(entry, lineEnd);
  if (html === undefined) return undefined;
  try {
    const { markdown, text } = JSON.parse(entry.toString('utf8', 0, lineEnd)) as Partial<RenderedText>;
    return typeof markdown === 'string' && typeof text === 'string' ? { markdown, text, html } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The HTML of an entry (its second line) alone, which is all a meeting page shows: the first line,
 * the Markdown and the plain text, is most of the entry. Undefined for an entry without it.
 */
export function htmlOfTextEntry(entry: Buffer, lineEnd = entry.indexOf(LINE_END)): string | undefined {
  if (lineEnd < 0) return undefined;
  try {
    const html = JSON.parse(entry.toString('utf8', lineEnd + 1)) as unknown;
    return typeof html === 'string' ? html : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first line of an entry, its bytes as they are: the open data of 10,000 minutes writes 120 MB
 * of them, which decoded and encoded again cost seconds. Undefined for an entry without two lines.
 */
export function openJsonOfTextEntry(entry: Buffer): Buffer | undefined {
  const lineEnd = entry.indexOf(LINE_END);
  return lineEnd < 0 ? undefined : entry.subarray(0, lineEnd);
}

const LINE_END = 0x0a;
