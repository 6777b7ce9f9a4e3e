/**
 * The pieces of the site's /data/archive.json that a warm build may copy from the previous one
 * instead of writing them again: meetings and organizations (render/open-data-splice.ts keeps where
 * each stood). A piece's id names everything its JSON is made of, so an equal id means equal bytes.
 *
 * What comes from one minute is named by the id of its analysis: the cache key of the file's bytes,
 * path, registers and analysis code (model code included), the id its stored text carries. A
 * minute analysed without a cache has none, and what it is part of is not a piece.
 */
import { createHash } from 'node:crypto';
import { textStoreOf } from './stored-text.ts';
import type { MeetingModel, OrganizationModel, RenderedText } from './types.ts';

export interface OpenDataSplice {
  /** The bytes of `value` (a meeting or an organization) in the previous document when it holds this very piece, else undefined. */
  previous(piece: string, value: { id: string }): Buffer | undefined;
  /** Where the piece stands in this document, in bytes. */
  record(piece: string, offset: number, length: number): void;
}

export type PieceKind = 'meeting' | 'organization';

/** What a piece id is of. */
export function pieceKind(piece: string): PieceKind {
  return piece.startsWith('organization ') ? 'organization' : 'meeting';
}

/** The id of the analysis a minute's text was made by (see above). */
export function analysisOf(body: RenderedText): string | undefined {
  return textStoreOf(body)?.id;
}

const SOURCES = new WeakMap<object, string>();

/** Marks `value` (an update, a mention) as made from one minute's analysis alone. */
export function madeFrom<T extends object>(value: T, analysis: string | undefined): T {
  if (analysis !== undefined) SOURCES.set(value, analysis);
  return value;
}

/**
 * A meeting is its minute's analysis (meetingOf in build-model.ts reads nothing else) and its
 * neighbours, linked across minutes.
 */
export function meetingPiece(meeting: MeetingModel): string | undefined {
  const analysis = analysisOf(meeting.body);
  return analysis === undefined ? undefined : `${'meeting' satisfies PieceKind} ${analysis} ${meeting.previous ?? ''} ${meeting.next ?? ''}`;
}

/**
 * An organization is its register entry and people, which it holds itself, and its updates and
 * mentions in their order, each made from one minute's analysis.
 */
export function organizationPiece(organization: OrganizationModel): string | undefined {
  const { updates, mentions, ...own } = organization;
  const hash = createHash('sha1').update(JSON.stringify(own));
  for (const list of [updates, mentions]) {
    hash.update('\0');
    for (const item of list) {
      const analysis = SOURCES.get(item);
      if (analysis === undefined) return undefined;
      hash.update(analysis).update(' ');
    }
  }
  return `${'organization' satisfies PieceKind} ${hash.digest('hex')}`;
}
