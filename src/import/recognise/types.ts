import type { NameMatcher } from '../../extract/name-matcher.ts';
import type { PersonEntry } from '../../schema/minute.ts';

/** What recognition needs from the archive: the registers' names, and the group if the user told it. */
export interface RecogniseContext {
  organizations: NameMatcher;
  groups: NameMatcher;
  /** `--group`: wins over what the document says. */
  group?: string;
}

/** The frontmatter the document yields; the writer puts it in the archive's key order. */
export interface MinuteFields {
  title?: string;
  date: string;
  time?: string;
  end_time?: string;
  group: string;
  venue?: string;
  attendees?: PersonEntry[];
  guests?: PersonEntry[];
  excused?: PersonEntry[];
  topics?: string[];
  recorder?: string;
  verifier?: string;
  next_meetings?: string[];
}

/** A paragraph of the body: one line of the document. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  indent: number;
  /** The document had a blank line before it: kept where Markdown lets it matter (loose lists). */
  blankBefore: boolean;
}

/** A point of a list, with what belongs under it (its discussion, nested points). */
export interface ItemBlock {
  kind: 'item';
  ordered: boolean;
  number: number;
  text: string;
  indent: number;
  blankBefore: boolean;
  children: Block[];
}

export type Block = ParagraphBlock | ItemBlock;

export type Recognised =
  | { ok: true; fields: MinuteFields; body: Block[]; review: string[] }
  | { ok: false; error: string; review: string[] };
