/**
 * A source (model/provenance.ts) names a piece of the model for the page hashes and the open data's
 * piece ids, and must stay out of everything that writes or copies the piece itself.
 */
import { describe, expect, it } from 'vitest';
import { personPiece } from '../../src/model/open-data-pieces.ts';
import { madeFrom, minuteSource, sourceOf } from '../../src/model/provenance.ts';
import type { AttendanceModel, PersonModel } from '../../src/model/types.ts';

function attendance(as: string, meeting: string, date: string, group: string): AttendanceModel {
  return madeFrom({ meeting, date, group, as } as AttendanceModel, as, minuteSource(meeting, date, group));
}

function person(...attended: AttendanceModel[]): PersonModel {
  return { id: 'jana-novakova', name: 'Jana Nováková', organizations: [], attendance: attended };
}

describe('a source', () => {
  it('is found on its value, and JSON, the keys and a structured clone do not see it', () => {
    const value = attendance('guest', '2021-10-25-cizinci', '2021-10-25', 'cizinci');
    expect(sourceOf(value)).toEqual(['guest', ' 2021-10-25-cizinci 2021-10-25 cizinci\n']);
    expect(JSON.stringify(value)).toBe('{"meeting":"2021-10-25-cizinci","date":"2021-10-25","group":"cizinci","as":"guest"}');
    expect(Object.keys(value)).toEqual(['meeting', 'date', 'group', 'as']);
    expect(sourceOf(structuredClone(value))).toBeUndefined();
  });

  it('tells apart lists of sources whose parts, put together, read the same', () => {
    // Without the line end of a minute's part both would hash "guest a 2021-10-25 bexcused c 2021-10-25 b".
    const split = person(attendance('guest', 'a', '2021-10-25', 'b'), attendance('excused', 'c', '2021-10-25', 'b'));
    const joined = person(attendance('guest', 'a', '2021-10-25', 'bexcused'), madeFrom({} as AttendanceModel, '', minuteSource('c', '2021-10-25', 'b')));
    expect(personPiece(split)).not.toBe(personPiece(joined));
  });

  it('names a piece by its items: the same items, the same piece; any part changed, another', () => {
    const base = () => person(attendance('guest', 'a', '2021-10-25', 'cizinci'), attendance('attendee', 'b', '2021-11-29', 'cizinci'));
    expect(personPiece(base())).toBe(personPiece(base()));
    const changed = [
      person(attendance('attendee', 'a', '2021-10-25', 'cizinci'), attendance('attendee', 'b', '2021-11-29', 'cizinci')),
      person(attendance('guest', 'x', '2021-10-25', 'cizinci'), attendance('attendee', 'b', '2021-11-29', 'cizinci')),
      person(attendance('guest', 'a', '2021-10-26', 'cizinci'), attendance('attendee', 'b', '2021-11-29', 'cizinci')),
      person(attendance('guest', 'a', '2021-10-25', 'senioři'), attendance('attendee', 'b', '2021-11-29', 'cizinci')),
      person(attendance('attendee', 'b', '2021-11-29', 'cizinci'), attendance('guest', 'a', '2021-10-25', 'cizinci')),
      person(attendance('guest', 'a', '2021-10-25', 'cizinci')),
    ];
    const pieces = new Set([personPiece(base()), ...changed.map(personPiece)]);
    expect(pieces.size).toBe(changed.length + 1);
  });
});
