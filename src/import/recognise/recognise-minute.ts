import type { CleanDocument } from '../clean/clean-text.ts';
import { parseBody } from './body-blocks.ts';
import { detectGroup } from './group.ts';
import { labelOf, type Label } from './labels.ts';
import { plainText } from './markup.ts';
import { dateAtLineStart, findDate, timeAndPlace } from './meeting-date.ts';
import { announcedMeetings } from './next-meetings.ts';
import { markOrganizationUpdates } from './organization-updates.ts';
import { parsePeople } from './people.ts';
import { missingFields, shorten } from './review-notes.ts';
import { parseSignatures } from './signatures.ts';
import { parseTopics } from './topics.ts';
import type { MinuteFields, RecogniseContext, Recognised } from './types.ts';

const TITLE = /^(?:zápis|pracovní\s+setkání|setkání|jednání|schůzka|schůze|porada)\b/iu;
/** A date this near the top is the head's; what stands above it is letterhead, not the minute. */
const HEAD_LINES = 8;

const PEOPLE_FIELDS = { attendees: 'přítomných', excused: 'omluvených', guests: 'hostů' } as const;

/**
 * A cleaned document → the minute's fields, its body and what a person should check. Pure.
 * The head (title, date line, labelled fields) is read wherever it stands before the body; the
 * labelled lists and the signatures are read wherever they stand; everything else is the body,
 * in the document's words.
 */
export function recogniseMinute(document: CleanDocument, context: RecogniseContext): Recognised {
  const { lines } = document;
  const review: string[] = [];
  const consumed = new Set<number>();
  const take = (...indexes: number[]) => indexes.forEach((i) => consumed.add(i));
  const found: Partial<MinuteFields> & { titleGroupText?: string; groupLabel?: string } = {};

  const dateLine = findDateLine(lines);
  const headIsLetterhead = dateLine !== undefined && filledBefore(lines, dateLine) < HEAD_LINES;
  let bodyStarted = false;

  for (let i = 0; i < lines.length; i++) {
    if (consumed.has(i)) continue;
    const plain = plainText(lines[i]!);
    if (!plain) continue;
    if (i === dateLine) {
      readDateLine(i);
      continue;
    }
    const label = labelOf(plain);
    if (label && readLabel(label, i)) continue;
    if (bodyStarted) continue;
    if (found.title === undefined && isTitle(plain, i)) {
      readTitle(i);
      continue;
    }
    if (dateLine !== undefined && i < dateLine && headIsLetterhead) {
      review.push(`Vynechán text záhlaví: „${shorten(plain)}“.`);
      take(i);
      continue;
    }
    bodyStarted = true;
  }

  function readLabel(label: Label, i: number): boolean {
    switch (label.kind) {
      case 'recorder':
      case 'verifier': {
        const signatures = parseSignatures(lines[i]!);
        if (signatures.length === 0) return false;
        take(i);
        for (const { kind, name } of signatures) {
          const written = name || nameOnNextLine(i);
          if (written && found[kind] === undefined) found[kind] = written;
        }
        return true;
      }
      case 'attendees':
      case 'excused':
      case 'guests': {
        if (found[label.kind] !== undefined) return false;
        const people = parsePeople(lines, i, label.rest, context.organizations);
        take(...people.consumed);
        found[label.kind] = people.values;
        if (people.unreadable.length) {
          review.push(`Seznam ${PEOPLE_FIELDS[label.kind]}: nerozpoznaná jména „${people.unreadable.map(shorten).join('“, „')}“ (nezapsána).`);
        }
        for (const name of people.duplicates) review.push(`Seznam ${PEOPLE_FIELDS[label.kind]}: „${name}“ je uveden dvakrát, zapsán jednou.`);
        return true;
      }
      case 'topics': {
        if (found.topics !== undefined) return false;
        const topics = parseTopics(lines, i, label.rest);
        take(...topics.consumed);
        found.topics = topics.values;
        return true;
      }
      case 'date':
        // Only the first date line is the meeting's (read above); a later "Datum:" is the body's.
        return false;
      case 'time': {
        const { time, endTime } = timeAndPlace(label.rest);
        if (!time || found.time !== undefined) return false;
        found.time = time;
        if (endTime) found.end_time = endTime;
        take(i);
        return true;
      }
      case 'venue': {
        if (!label.rest || found.venue !== undefined) return false;
        found.venue = label.rest.replace(/\s+/g, ' ');
        take(i);
        return true;
      }
      case 'group': {
        if (!label.rest || found.groupLabel !== undefined) return false;
        found.groupLabel = label.rest;
        take(i);
        return true;
      }
    }
  }

  /** A heading line: "Zápis z jednání…", "Pracovní setkání…", or a group's name above the date. */
  function isTitle(plain: string, i: number): boolean {
    if (TITLE.test(plain)) return true;
    return dateLine !== undefined && i < dateLine && context.groups.findAll(plain).length > 0;
  }

  function readDateLine(i: number): void {
    const plain = plainText(lines[i]!);
    const label = labelOf(plain);
    if (!label && found.title === undefined && TITLE.test(plain)) {
      found.title = plain;
      found.titleGroupText = plain;
    }
    const text = label?.kind === 'date' ? label.rest : plain;
    const date = findDate(text)!;
    found.date = date.date;
    const place = timeAndPlace(text.slice(date.end));
    if (place.time && found.time === undefined) found.time = place.time;
    if (place.endTime && found.end_time === undefined) found.end_time = place.endTime;
    if (place.venue && found.venue === undefined) found.venue = place.venue;
    take(i);
  }

  function readTitle(i: number): void {
    const plain = plainText(lines[i]!);
    take(i);
    found.title = plain;
    found.titleGroupText = plain;
    // "ZÁPIS Z JEDNÁNÍ" over "Řídicí pracovní skupiny": a heading broken over two lines.
    const next = nextFilled(lines, i);
    if (next === undefined || next === dateLine || context.groups.findAll(plain).length > 0) return;
    const nextPlain = plainText(lines[next]!);
    if (!labelOf(nextPlain) && context.groups.findAll(nextPlain).length > 0 && nextPlain.length <= 120) {
      found.title = `${plain} ${nextPlain}`;
      found.titleGroupText = found.title;
      take(next);
    }
  }

  function nameOnNextLine(i: number): string | undefined {
    const next = nextFilled(lines, i);
    if (next === undefined || next - i > 2) return undefined;
    const plain = plainText(lines[next]!);
    if (labelOf(plain) || plain.split(/\s+/).length > 5 || !/^\p{Lu}/u.test(plain)) return undefined;
    take(next);
    return plain.replace(/[\s,;]+$/, '');
  }

  if (found.date === undefined) {
    return { ok: false, error: 'Nenalezeno datum jednání (např. „25. říjen 2021“, „14. 10. 2020“ nebo „Datum: 8. ledna 2024“).', review };
  }
  const group = detectGroup(
    { override: context.group, label: found.groupLabel, title: found.titleGroupText, header: document.headerGroupLines },
    context.groups,
  );
  review.push(...group.review);
  if (!group.id) return { ok: false, error: group.error!, review };

  const body = markOrganizationUpdates(
    parseBody(lines.filter((_, i) => !consumed.has(i))),
    context.organizations,
  );
  const nextMeetings = announcedMeetings(body, found.date, group.id, context, review);

  const fields: MinuteFields = {
    ...(found.title ? { title: found.title } : {}),
    date: found.date,
    ...(found.time ? { time: found.time } : {}),
    ...(found.end_time ? { end_time: found.end_time } : {}),
    group: group.id,
    ...(found.venue ? { venue: found.venue } : {}),
    ...(found.attendees?.length ? { attendees: found.attendees } : {}),
    ...(found.guests?.length ? { guests: found.guests } : {}),
    ...(found.excused?.length ? { excused: found.excused } : {}),
    ...(found.topics?.length ? { topics: found.topics } : {}),
    ...(found.recorder ? { recorder: found.recorder } : {}),
    ...(found.verifier ? { verifier: found.verifier } : {}),
    ...(nextMeetings.length ? { next_meetings: nextMeetings } : {}),
  };
  review.push(...missingFields(fields));
  return { ok: true, fields, body, review };
}

/** The line that carries the meeting's date: labelled ("Datum/čas.: …"), or opening with a date. */
function findDateLine(lines: readonly string[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    const plain = plainText(lines[i]!);
    if (!plain) continue;
    const label = labelOf(plain);
    if (label?.kind === 'date' && findDate(label.rest)) return i;
    if (!label && dateAtLineStart(plain)) return i;
    // "Zápis z jednání ŘPS ze dne 8. 1. 2024": the date in the title line.
    if (!label && TITLE.test(plain) && findDate(plain)) return i;
  }
  return undefined;
}

function nextFilled(lines: readonly string[], i: number): number | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim() !== '') return j;
  return undefined;
}

function filledBefore(lines: readonly string[], index: number): number {
  return lines.slice(0, index).filter((line) => line.trim() !== '').length;
}
