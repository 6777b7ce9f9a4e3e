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
  if (lineEnd < 0) return undefined;
  try {
    const { markdown, text } = JSON.parse(entry.toString('utf8', 0, lineEnd)) as Partial<RenderedText>;
    const html = JSON.parse(entry.toString('utf8', lineEnd + 1)) as unknown;
    if (typeof markdown !== 'string' || typeof text !== 'string' || typeof html !== 'string') return undefined;
    return { markdown, text, html };
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
