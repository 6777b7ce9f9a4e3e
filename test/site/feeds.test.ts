import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml, feedTimestamp, type FeedEntry } from '../../src/render/atom.ts';
import { buildCalendar, escapeIcsText, foldIcsLine, type CalendarEvent } from '../../src/render/ics.ts';
import { buildView } from '../../src/render/view/build-view.ts';
import { sampleModel } from '../fixtures/site/sample-model.ts';

const OPTIONS = { name: 'PS cizinci: ohlášená jednání', prodId: '-//KPSS Liberec//Archiv zapisu//CS' };

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('iCalendar', () => {
  const events: CalendarEvent[] = [
    { uid: '2022-03-14-cizinci@example.org', date: '2022-03-14', time: '14:00', announced: '2021-10-25', summary: 'Jednání: PS cizinci', location: 'ČvT, U Tiskárny 81/1; Liberec', url: 'https://example.org/skupiny/cizinci/' },
    { uid: '2022-01-10-cizinci@example.org', date: '2022-01-10', announced: '2021-10-25', summary: 'Jednání: PS cizinci', description: 'Řádek jedna\nřádek dva, se středníkem; a \\ lomítkem' },
  ];
  const ics = buildCalendar(events, OPTIONS);

  it('is a VCALENDAR with CRLF line ends and a final CRLF', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line to at most 75 octets without breaking a character', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const long = `DESCRIPTION:${'žluťoučký kůň '.repeat(12)}`;
    const folded = foldIcsLine(long);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('folds the long lines of an event, as they are read back unfolded', () => {
    const description = `Ohlášeno v zápisu: ${'žluťoučký kůň '.repeat(12)}`;
    const long = buildCalendar([{ ...events[1]!, description }], OPTIONS);
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(unfold(long)).toContain(`DESCRIPTION:${description}`);
  });

  it('escapes text values', () => {
    expect(escapeIcsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(unfold(ics)).toContain('DESCRIPTION:Řádek jedna\\nřádek dva\\, se středníkem\\; a \\\\ lomítkem');
    expect(unfold(ics)).toContain('LOCATION:ČvT\\, U Tiskárny 81/1\\; Liberec');
  });

  it('has stable UIDs, DTSTAMP from the announcing minute and events in date order', () => {
    const lines = unfold(ics);
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(['UID:2022-01-10-cizinci@example.org', 'UID:2022-03-14-cizinci@example.org']);
    expect(lines.filter((l) => l.startsWith('DTSTAMP:'))).toEqual(['DTSTAMP:20211025T000000Z', 'DTSTAMP:20211025T000000Z']);
    expect(buildCalendar([...events].reverse(), OPTIONS)).toBe(ics);
  });

  it('writes timed events in Prague time (with its VTIMEZONE) and untimed ones as whole days', () => {
    const lines = unfold(ics);
    expect(lines).toContain('DTSTART;TZID=Europe/Prague:20220314T140000');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Prague');
    expect(lines).toContain('DTSTART;VALUE=DATE:20220110');
    expect(lines).toContain('DTEND;VALUE=DATE:20220111');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT').length).toBe(lines.filter((l) => l === 'END:VEVENT').length);
  });

  it('is a valid empty calendar when nothing is announced', () => {
    const empty = buildCalendar([], OPTIONS);
    expect(unfold(empty)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${OPTIONS.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:PS cizinci: ohlášená jednání', 'X-WR-TIMEZONE:Europe/Prague', 'END:VCALENDAR', '']);
  });

  it('of the archive: one event per announced meeting, the duplicate from the text dropped', () => {
    const view = buildView(sampleModel(), { basePath: '/zapisy/' });
    const lines = unfold(view.files.calendar.ics);
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(uids).toHaveLength(7);
    expect(new Set(uids).size).toBe(7);
    expect(uids).toContain('UID:2022-01-10-cizinci@kpss-liberec.github.io');
    const january = view.files.calendar.ics.split('BEGIN:VEVENT').find((e) => e.includes('2022-01-10-cizinci'))!;
    expect(january.replace(/\r\n /g, '')).toContain('DTSTART;TZID=Europe/Prague:20220110T140000');
    expect(january).toContain('DTSTAMP:20211025T000000Z');
    const group = view.files.groupCalendars.find((c) => c.group === 'cizinci')!;
    expect(unfold(group.calendar.ics).filter((l) => l.startsWith('UID:'))).toEqual(uids);
    const empty = view.files.groupCalendars.find((c) => c.group === 'rps')!;
    expect(empty.calendar.ics).not.toContain('BEGIN:VEVENT');
  });

  it('of the view: a page hash sees its events and options, not the text made of them', () => {
    const view = buildView(sampleModel(), { basePath: '/zapisy/' });
    const data = JSON.parse(JSON.stringify(view.files.calendar)) as { events: unknown[]; options: { name: string } };
    expect(Object.keys(data)).toEqual(['events', 'options']);
    expect(data.options.name).toContain('ohlášená jednání');
    // Each event by the digest the calendar of all groups and its group's share.
    expect(data.events).toHaveLength(7);
    for (const event of data.events) expect(event).toMatch(/^#/);
    const group = view.files.groupCalendars.find((c) => c.group === 'cizinci')!;
    expect(JSON.stringify(group.calendar.events)).toBe(JSON.stringify(data.events));
  });
});

describe('Atom feed', () => {
  const entry = (date: string, time?: string): FeedEntry => ({
    id: `https://example.org/zapisy/${date}-x/`,
    url: `https://example.org/base/zapisy/${date}-x/`,
    title: `Zápis ${date} <&>`,
    date,
    time,
    summary: 'Program: "dluhy" & bydlení',
    html: '<p>Text <strong>tučně</strong> & dál</p>',
    category: { term: 'cizinci', label: 'PS cizinci' },
  });
  const options = {
    id: 'https://example.org/',
    title: 'Archiv',
    selfUrl: 'https://example.org/base/feed.xml',
    homeUrl: 'https://example.org/base/',
    author: 'Archiv',
    language: 'cs',
  };

  it('uses the newest meeting for <updated>, never the clock', () => {
    const feed = buildAtomFeed([entry('2021-10-25', '09:00'), entry('2020-02-17', '14:00')], options);
    expect(feed.match(/<updated>[^<]+<\/updated>/)![0]).toBe('<updated>2021-10-25T09:00:00+02:00</updated>');
    expect(buildAtomFeed([entry('2021-10-25', '09:00'), entry('2020-02-17', '14:00')], options)).toBe(feed);
    expect(feedTimestamp('2020-02-17')).toBe('2020-02-17T00:00:00+01:00');
  });

  it('has the required elements and escapes text and HTML content', () => {
    const feed = buildAtomFeed([entry('2021-10-25')], options);
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="cs">')).toBe(true);
    for (const element of ['<id>', '<title>', '<updated>', '<author>', '<link rel="self"', '<entry>', '<published>', '<summary type="text">', '<content type="html">']) {
      expect(feed).toContain(element);
    }
    expect(feed).toContain('<title>Zápis 2021-10-25 &lt;&amp;&gt;</title>');
    expect(feed).toContain('<content type="html">&lt;p&gt;Text &lt;strong&gt;tučně&lt;/strong&gt; &amp; dál&lt;/p&gt;</content>');
    expect(feed).toContain('<summary type="text">Program: &quot;dluhy&quot; &amp; bydlení</summary>');
    expect(feed.trimEnd().endsWith('</feed>')).toBe(true);
    expect(escapeXml(`'"<>&`)).toBe('&apos;&quot;&lt;&gt;&amp;');
  });

  it('of the archive: newest minutes first, links under the base path, canonical ids', () => {
    const view = buildView(sampleModel(), { basePath: '/preview/' });
    const ids = [...view.files.feed.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'https://kpss-liberec.github.io/zapisy/zapisy/2021-10-25-cizinci/',
      'https://kpss-liberec.github.io/zapisy/zapisy/2020-02-17-cizinci/',
      'https://kpss-liberec.github.io/zapisy/zapisy/2018-02-12-cizinci/',
    ]);
    expect(view.files.feed).toContain('<link rel="alternate" type="text/html" href="https://kpss-liberec.github.io/preview/zapisy/2021-10-25-cizinci/"/>');
    expect(view.files.feed).toContain('<link rel="self" type="application/atom+xml" href="https://kpss-liberec.github.io/preview/feed.xml"/>');
    expect(view.files.feed).toContain('<updated>2021-10-25T09:00:00+02:00</updated>');
  });
});
