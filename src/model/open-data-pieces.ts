/**
 * The pieces of the site's /data/archive.json that a warm build may copy from the previous one
 * instead of writing them again: meetings, organizations and people (render/open-data-splice.ts keeps where
 * each stood). A piece's id names everything its JSON is made of, so an equal id means equal bytes.
 * A meeting is named by the analysis of its text (provenance.ts): one analysed without a cache is
 * not a piece.
 */
import { createHash } from 'node:crypto';
import { analysisOf, sourceOf } from './provenance.ts';
import type { MeetingModel, OrganizationModel, PersonModel } from './types.ts';

export interface OpenDataSplice {
  /** The bytes of `value` (a meeting, an organization, a person) in the previous document when it holds this very piece, else undefined. */
  previous(piece: string, value: { id: string }): Buffer | undefined;
  /** Where the piece stands in this document, in bytes. */
  record(piece: string, offset: number, length: number): void;
  /** Every piece `previous` gave so far is written: the memory it was in may be read into again. */
  written?(): void;
}

export const PIECE_KINDS = ['meeting', 'organization', 'person'] as const;
export type PieceKind = (typeof PIECE_KINDS)[number];

/** A count for each kind of piece, all zero. */
export function noPieces(): Record<PieceKind, number> {
  return Object.fromEntries(PIECE_KINDS.map((kind) => [kind, 0])) as Record<PieceKind, number>;
}

/** What a piece id is of: the word it starts with. */
export function pieceKind(piece: string): PieceKind {
  return piece.slice(0, piece.indexOf(' ')) as PieceKind;
}

/**
 * A meeting is its minute's analysis (meetingOf in build-model.ts reads nothing else) and its
 * neighbours, linked across minutes.
 */
export function meetingPiece(meeting: MeetingModel): string | undefined {
  const analysis = analysisOf(meeting.body);
  return analysis === undefined ? undefined : `${'meeting' satisfies PieceKind} ${analysis} ${meeting.previous ?? ''} ${meeting.next ?? ''}`;
}

/** An organization is its register entry and people, which it holds itself, and its updates and mentions in their order. */
export function organizationPiece(organization: OrganizationModel): string {
  const { updates, mentions, ...own } = organization;
  return gatheredPiece('organization', own, [updates, mentions]);
}

/** A person is their id, name and organizations, and their attendance in its order. */
export function personPiece(person: PersonModel): string {
  const { attendance, ...own } = person;
  return gatheredPiece('person', own, [attendance]);
}

/** What holds `own` members and lists of things each named by its source (provenance.ts) or else its JSON. */
function gatheredPiece(kind: PieceKind, own: object, lists: readonly (readonly object[])[]): string {
  const hash = createHash('sha1').update(JSON.stringify(own));
  // The same bytes in fewer updates: each update costs more than its few dozen bytes, and the
  // organizations and people of 10,000 minutes hash ~300,000 sources (~0.14 s of a warm build
  // one by one, half as much gathered).
  let gathered = '';
  const add = (text: string) => {
    gathered += text;
    if (gathered.length >= HASHED_AT_ONCE) {
      hash.update(gathered);
      gathered = '';
    }
  };
  for (const list of lists) {
    add('\0');
    for (const item of list) {
      const source = sourceOf(item);
      // A minute's part of a source ends its line.
      if (source) {
        add(source[0]);
        add(source[1]);
      } else {
        add(JSON.stringify(item));
        add('\n');
      }
    }
  }
  return `${kind} ${hash.update(gathered).digest('hex')}`;
}

/** Characters of sources gathered before they are hashed. */
const HASHED_AT_ONCE = 1 << 16;
