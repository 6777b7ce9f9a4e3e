/**
 * The pieces of the site's /data/archive.json that a warm build may copy from the previous one
 * instead of writing them again: meetings and organizations (render/open-data-splice.ts keeps where
 * each stood). A piece's id names everything its JSON is made of, so an equal id means equal bytes.
 * What comes from one minute is named by the id of its analysis (provenance.ts); what is made
 * from a minute analysed without a cache is not a piece.
 */
import { createHash } from 'node:crypto';
import { analysisBehind, analysisOf } from './provenance.ts';
import type { MeetingModel, OrganizationModel } from './types.ts';

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
      const analysis = analysisBehind(item);
      if (analysis === undefined) return undefined;
      hash.update(analysis).update(' ');
    }
  }
  return `${'organization' satisfies PieceKind} ${hash.digest('hex')}`;
}
