import type { AnalyzedMinute } from '../pipeline/analyze-archive.ts';
import type { PersonEntry } from '../schema/minute.ts';
import { czechCollator } from '../text/normalize.ts';
import { slug } from './ids.ts';
import { madeFrom, minuteSource } from './provenance.ts';
import type { AttendanceModel, PersonModel, PersonRef } from './types.ts';

export function personRef(entry: PersonEntry): PersonRef {
  if (typeof entry === 'string') return { name: entry, person: slug(entry) };
  return {
    name: entry.name,
    person: slug(entry.name),
    ...(entry.organization ? { organization: entry.organization } : {}),
    ...(entry.role ? { role: entry.role } : {}),
  };
}

const LISTS = [
  ['attendees', 'attendee'],
  ['guests', 'guest'],
  ['excused', 'excused'],
] as const;

/** People as written: "Průcha" and "Lukáš Průcha" stay two entries, because guessing would mislead. */
export function buildPeople(chronological: readonly AnalyzedMinute[]): PersonModel[] {
  const people = new Map<string, PersonModel>();
  for (const { minute } of chronological) {
    const within = minuteSource(minute.id, minute.frontmatter.date, minute.frontmatter.group);
    for (const [list, as] of LISTS) {
      for (const entry of minute.frontmatter[list] ?? []) {
        const ref = personRef(entry);
        const person = people.get(ref.person) ?? { id: ref.person, name: ref.name, organizations: [], attendance: [] };
        if (ref.organization && !person.organizations.includes(ref.organization)) person.organizations.push(ref.organization);
        const attendance: AttendanceModel = {
          meeting: minute.id,
          date: minute.frontmatter.date,
          group: minute.frontmatter.group,
          as,
        };
        // Named by everything it holds: with 90,000 of them, their JSON was most of the people's piece ids (open-data-pieces.ts).
        person.attendance.push(madeFrom(attendance, as, within));
        people.set(ref.person, person);
      }
    }
  }
  return [...people.values()].sort((a, b) => czechCollator.compare(a.name, b.name));
}
