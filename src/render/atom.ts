/**
 * Atom (RFC 4287) feed of the newest minutes. Deterministic: <updated> is the newest meeting's
 * date and time, never the time of the build.
 */
import { pragueOffset } from './time-zone.ts';

export interface FeedEntry {
  /** Stable id: the canonical URL of the minutes. */
  id: string;
  url: string;
  title: string;
  date: string;
  time?: string;
  summary: string;
  /** Sanitized HTML of the minutes (escaped into the feed as type="html"). */
  html: string;
  category?: { term: string; label: string };
}

export interface FeedOptions {
  id: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself and of the site's home page. */
  selfUrl: string;
  homeUrl: string;
  author: string;
  language: string;
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 3339 timestamp of a local Prague date and time ("2021-10-25", "09:00") → "2021-10-25T09:00:00+02:00". */
export function feedTimestamp(date: string, time?: string): string {
  const clock = time ? `${time.padStart(5, '0')}:00` : '00:00:00';
  return `${date}T${clock}${pragueOffset(date)}`;
}

/** Entries in the given order (newest first); the feed's <updated> is the newest entry's. */
export function buildAtomFeed(entries: readonly FeedEntry[], options: FeedOptions): string {
  const newest = [...entries].sort((a, b) => compareStamp(b, a))[0];
  const updated = newest ? feedTimestamp(newest.date, newest.time) : '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(options.language)}">`,
    `  <id>${escapeXml(options.id)}</id>`,
    `  <title>${escapeXml(options.title)}</title>`,
  ];
  if (options.subtitle) lines.push(`  <subtitle>${escapeXml(options.subtitle)}</subtitle>`);
  lines.push(
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.homeUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(options.author)}</name></author>`,
  );
  for (const entry of entries) {
    const stamp = feedTimestamp(entry.date, entry.time);
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <published>${stamp}</published>`,
      `    <updated>${stamp}</updated>`,
    );
    if (entry.category) {
      lines.push(`    <category term="${escapeXml(entry.category.term)}" label="${escapeXml(entry.category.label)}"/>`);
    }
    lines.push(
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      `    <content type="html">${escapeXml(entry.html)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return lines.join('\n') + '\n';
}

function compareStamp(a: FeedEntry, b: FeedEntry): number {
  const x = `${a.date} ${a.time ?? ''}`;
  const y = `${b.date} ${b.time ?? ''}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
