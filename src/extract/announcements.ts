import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { positionOf } from './blocks.ts';
import { inferYear, isoTime, parseCzechDate } from './czech-dates.ts';
import type { NameMatcher } from './name-matcher.ts';
import type { AnnouncedMeeting } from './types.ts';
import type { SourcePosition } from '../model/types.ts';

// "Příští jednání…", "Další termíny jednání:", "Termíny na tento rok.", "…je naplánováno na 9. 12. 2020".
const CUE =
  /(?:příští|další|nejbližší)\s+(?:jednání|setkání|schůzk[ay]|termíny?)|termíny\s+(?:na|jednání|setkání|schůzek)|naplánován[oaé]?\s+na|sejdeme\s+se/iu;
const DAY = /(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}))?(?!\d)/gu;
// "ve 14 hodin", "v 13:30", "vždy v 13.30 h", "od 15 do 16 hodiny": a time needs minutes or "hod"/"h".
const TIME =
  /\b(?:v|ve|od)\s+(\d{1,2})(?::(\d{2})|\.(\d{2})(?=\s*h)|\s*(?:hod\w*|h\b)|\s+do\s+\d{1,2}(?:[:.]\d{2})?\s*hod\w*)/iu;

const PAST_TENSE = /\b(?:proběhl[oaiy]?|konal[oaiy]?|se\s+uskutečnil[oaiy]?|bylo|byla|byl)\b/iu;

export interface TextAnnouncement {
  meetings: AnnouncedMeeting[];
  position: SourcePosition;
}

/**
 * Meetings the text announces. A date without a year falls on or after the meeting; a group named
 * right after the cue ("Příští jednání ŘPS…") owns the announced meeting, else the minute's group.
 */
export function extractAnnouncements(
  paragraphs: readonly Paragraph[],
  meetingDate: string,
  meetingGroup: string,
  groups: NameMatcher,
): TextAnnouncement[] {
  const found: TextAnnouncement[] = [];
  for (const paragraph of paragraphs) {
    const meetings = meetingsAnnouncedIn(toString(paragraph), meetingDate, meetingGroup, groups);
    if (meetings.length) found.push({ meetings, position: positionOf(paragraph) });
  }
  return found;
}

/** The meetings one paragraph's text announces; the importer reads legacy documents with the same rules. */
export function meetingsAnnouncedIn(
  paragraphText: string,
  meetingDate: string,
  meetingGroup: string,
  groups: NameMatcher,
): AnnouncedMeeting[] {
  // CUE separates its words by \s+, so it matches the text before the spaces are collapsed iff after:
  // most paragraphs announce nothing and are dismissed without a copy.
  if (!CUE.test(paragraphText)) return [];
  const text = paragraphText.replace(/\s+/g, ' ');
  const cue = CUE.exec(text);
  if (!cue) return [];
  const after = text.slice(cue.index);
  const sentence = after.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? after;
  // "Další setkání s klienty proběhlo 3.5." reports the past; it announces nothing.
  if (PAST_TENSE.test(sentence)) return [];
  const group = groups.findAll(sentence)[0]?.id ?? meetingGroup;
  const timeMatch = TIME.exec(text);
  const time = timeMatch ? isoTime(timeMatch[1]!, timeMatch[2] ?? timeMatch[3]) : undefined;
  const meetings: AnnouncedMeeting[] = [];
  for (const day of after.matchAll(DAY)) {
    // Listed dates run forward: "10.1. a 14.3." announced in March means January and March next year.
    const floor = meetings.at(-1)?.date ?? meetingDate;
    const date = day[3]
      ? parseCzechDate(`${day[1]}. ${day[2]}. ${day[3]}`)
      : inferYear(Number(day[1]), Number(day[2]), floor);
    if (date && !meetings.some((m) => m.date === date)) {
      meetings.push({ group, date, ...(time ? { time } : {}), from: 'text' });
    }
  }
  return meetings;
}
