import type { NameMatcher } from '../../extract/name-matcher.ts';
import type { PersonEntry } from '../../schema/minute.ts';
import { fold } from '../../text/normalize.ts';
import { labelOf } from './labels.ts';
import { listMarker, plainText } from './markup.ts';
import type { ParsedList } from './topics.ts';

export interface ParsedPeople extends ParsedList<PersonEntry> {
  /** What stood where names were expected but did not read as names. */
  unreadable: string[];
  duplicates: string[];
}

// A name opens with a capital, or with a title or form of address ("Mgr. Jana Nováková", "p. Bušková").
// (Two patterns: with the i flag, \p{Lu} would match any letter.)
const CAPITAL = /^\p{Lu}/u;
const TITLE = /^(?:p|pí|pan|paní|sl|mgr|bc|ing|phdr|mudr|judr|rndr|doc|prof)\.?\s/iu;
const opensLikeName = (text: string) => CAPITAL.test(text) || TITLE.test(text);

/**
 * Names after "Přítomni:" (on the same line or under it), "Omluveni:", "Hosté:": separated by
 * commas or semicolons, or one per line. "Jana Nováková (Naděje)" links the person to the
 * organization when the register knows it; anything else in brackets stays part of the name.
 */
export function parsePeople(lines: readonly string[], labelIndex: number, rest: string, organizations: NameMatcher): ParsedPeople {
  const consumed = [labelIndex];
  const written: string[] = rest ? [rest] : [];
  // Names go on under the label: after a blank line when the label stands alone, else only while
  // the line before ends with a comma (the list was wrapped).
  let expectMore = !rest || /[,;]$/.test(rest);
  let blanks = 0;
  for (let i = labelIndex + 1; i < lines.length && expectMore; i++) {
    const line = plainText(lines[i]!);
    if (!line) {
      if (written.length > 0 || ++blanks > 2) break;
      continue;
    }
    const text = listMarker(lines[i]!)?.text ?? line;
    if (labelOf(line) || !looksLikeNames(text)) break;
    written.push(text);
    consumed.push(i);
    // One name a line goes on; a line of comma-separated names ends the list unless it ends with a comma.
    expectMore = /[,;]$/.test(text) || !text.includes(',');
  }
  const result: ParsedPeople = { values: [], consumed, unreadable: [], duplicates: [] };
  const seen = new Set<string>();
  for (const segment of written.flatMap((text) => text.split(/[,;]/))) {
    const name = segment.trim().replace(/\.$/, '').trim();
    if (!name) continue;
    if (!opensLikeName(name) || name.split(/\s+/).length > 6) {
      result.unreadable.push(name);
      continue;
    }
    const person = toPerson(name, organizations);
    const key = fold(typeof person === 'string' ? person : person.name);
    if (seen.has(key)) {
      result.duplicates.push(name);
      continue;
    }
    seen.add(key);
    result.values.push(person);
  }
  return result;
}

/** A line of names: short comma-separated parts that each open like a name. */
function looksLikeNames(text: string): boolean {
  if (/:$/.test(text)) return false;
  const parts = text.split(/[,;]/).map((p) => p.trim().replace(/\.$/, '')).filter(Boolean);
  // A sentence has a word of three or more letters closed by a full stop; "Mgr. Jana" has not.
  return parts.length > 0 && parts.every((p) => opensLikeName(p) && p.split(/\s+/).length <= 6 && !/\p{Ll}{3,}[.!?]\s+\p{Lu}/u.test(p));
}

function toPerson(written: string, organizations: NameMatcher): PersonEntry {
  const bracketed = /^(.+?)\s*\(([^()]+)\)$/.exec(written) ?? /^(.+?)\s+[–—-]\s+(.+)$/.exec(written);
  if (!bracketed) return written;
  const [, name, organization] = bracketed;
  const match = organizations.matchAtStart(organization!);
  if (!match || organization!.slice(match.end).replace(/[\s.,]/g, '') !== '') return written;
  return { name: name!.trim(), organization: match.id };
}
