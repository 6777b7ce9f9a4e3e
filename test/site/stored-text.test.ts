/**
 * A minute's text kept in the cache (model/stored-text.ts): a page's data hash and the open data
 * use it without reading it, and whatever reads it sees the same text as one held in memory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDataChunks } from '../../src/model/open-data.ts';
import { meetingPiece, organizationPiece, personPiece, type OpenDataSplice } from '../../src/model/open-data-pieces.ts';
import { madeFrom, minuteSource } from '../../src/model/provenance.ts';
import { storedText, textStoreOf } from '../../src/model/stored-text.ts';
import type { ArchiveModel, RenderedText, UpdateModel } from '../../src/model/types.ts';
import { htmlOfTextEntry, openJsonOf, openJsonOfTextEntry, parseTextEntry, textEntry } from '../../src/pipeline/text-entry.ts';
import { MeetingText } from '../../src/render/meeting-text.ts';
import { openDataJson, writeChunks } from '../../src/render/open-data.ts';
import { sampleModel } from '../fixtures/site/sample-model.ts';

const unreadable = (id: string): RenderedText =>
  storedText({
    id,
    load: () => {
      throw new Error('read');
    },
    openJson: () => {
      throw new Error('read');
    },
  });

/**
 * The sample model with every meeting's text in a store that counts its reads, its id standing for
 * the minute's analysis, and the organizations' updates named by a source (their meeting and place).
 */
/** Names an update by `own` within its minute, as the model does by its digest. */
function namedBy(update: UpdateModel, own: string): void {
  madeFrom(update, own, minuteSource(update.meeting, update.date, update.group));
}

function storedModel(): { model: ArchiveModel; reads: { load: number; openJson: number } } {
  const reads = { load: 0, openJson: 0 };
  const model = sampleModel();
  for (const organization of model.organizations) {
    for (const update of organization.updates) namedBy(update, `${update.position.line}`);
  }
  for (const meeting of model.meetings) {
    const entry = Buffer.from(textEntry(meeting.body));
    meeting.body = storedText({
      id: meeting.id,
      load: () => (reads.load++, parseTextEntry(entry)!),
      openJson: () => (reads.openJson++, openJsonOfTextEntry(entry)!),
    });
  }
  return { model, reads };
}

const anyText = fc.record({ markdown: fc.string({ unit: 'grapheme' }), text: fc.string({ unit: 'grapheme' }), html: fc.string({ unit: 'grapheme' }) });

describe('a stored text', () => {
  it('stands in a page data hash as its id, without being read', () => {
    expect(JSON.stringify({ body: new MeetingText(unreadable('klic-1')) })).toBe('{"body":"klic-1"}');
    // A text held in memory has no id: its HTML stands for it.
    expect(JSON.stringify(new MeetingText({ markdown: 'a', text: 'a', html: '<p>a</p>' }))).toBe('"<p>a</p>"');
    expect(textStoreOf({ markdown: 'a', text: 'a', html: '<p>a</p>' })).toBeUndefined();
  });

  it('reads as the text itself, one load for all its members', () => {
    let loads = 0;
    const value = { markdown: 'Čtvrtek', text: 'Čtvrtek', html: '<p>Čtvrtek</p>' };
    const text = storedText({ id: 'x', load: () => (loads++, { ...value }), openJson: () => openJsonOf(value) });
    expect(JSON.parse(JSON.stringify(text))).toEqual(value);
    expect(loads).toBe(1);
    expect(structuredClone(text)).toEqual(value);
    expect(new MeetingText(text).html).toBe('<p>Čtvrtek</p>');
  });

  it('gives a page its HTML alone when the store can read it so, and the rest from one load', () => {
    const value = { markdown: 'Čtvrtek', text: 'Čtvrtek', html: '<p>Čtvrtek</p>' };
    const reads = { load: 0, html: 0 };
    const text = storedText({ id: 'x', load: () => (reads.load++, { ...value }), openJson: () => openJsonOf(value), html: () => (reads.html++, value.html) });
    expect(new MeetingText(text).html).toBe('<p>Čtvrtek</p>');
    expect(reads).toEqual({ load: 0, html: 1 });
    // Once the whole text is loaded, its HTML comes from there.
    expect(text.markdown).toBe('Čtvrtek');
    expect(text.html).toBe('<p>Čtvrtek</p>');
    expect(reads).toEqual({ load: 1, html: 1 });
  });

  it('goes into the open data as the stored bytes, and the document is the same as from texts in memory', async () => {
    const { model, reads } = storedModel();
    const expected = openDataJson(sampleModel());
    expect(openDataJson(model)).toBe(expected);
    expect(reads).toEqual({ load: 0, openJson: model.meetings.length });
    const written: Buffer[] = [];
    const { Writable } = await import('node:stream');
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (written.push(chunk), done()) });
    await writeChunks(openDataChunks(storedModel().model, 0), sink);
    expect(Buffer.concat(written).toString('utf8')).toBe(expected);
    // `minutes extract` indents the document: there the texts are read and written again.
    expect([...openDataChunks(model)].join('')).toBe([...openDataChunks(sampleModel())].join(''));
  });
});

describe('the site file copying unchanged meetings, organizations and people from the previous one', () => {
  /** A splice over `previous` (the last document and where its meetings stood) that records this one's. */
  function spliceOver(previous?: { bytes: Buffer; places: Map<string, [number, number]> }) {
    const places = new Map<string, [number, number]>();
    const copied: string[] = [];
    const splice: OpenDataSplice = {
      previous(piece, value) {
        const place = previous?.places.get(piece);
        if (!place) return undefined;
        copied.push(value.id);
        return previous!.bytes.subarray(place[0], place[0] + place[1]);
      },
      record: (piece, offset, length) => void places.set(piece, [offset, length]),
    };
    return { splice, places, copied };
  }
  const written = (model: ArchiveModel, splice?: OpenDataSplice) => Buffer.concat([...openDataChunks(model, 0, splice)].map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));

  it('records where each meeting, organization and person stands, copies those whose piece is unchanged, and writes the same document', () => {
    const { model, reads } = storedModel();
    const expected = openDataJson(sampleModel());
    const withoutHtml = (value: unknown) => JSON.parse(JSON.stringify(value, (key, member) => (key === 'html' ? undefined : member))) as unknown;
    const first = spliceOver();
    const bytes = written(model, first.splice);
    expect(bytes.toString('utf8')).toBe(expected);
    expect(first.copied).toEqual([]);
    const pieces = [
      ...model.meetings.map((m) => [m, meetingPiece(m)] as const),
      ...model.organizations.map((o) => [o, organizationPiece(o)] as const),
      ...model.people.map((p) => [p, personPiece(p)] as const),
    ];
    expect(first.places.size).toBe(pieces.length);
    for (const [value, piece] of pieces) {
      const [offset, length] = first.places.get(piece!)!;
      expect(JSON.parse(bytes.toString('utf8', offset, offset + length))).toEqual(withoutHtml(value));
    }

    // Unchanged: everything is copied and no text is read.
    reads.openJson = 0;
    const again = spliceOver({ bytes, places: first.places });
    expect(written(model, again.splice).toString('utf8')).toBe(expected);
    expect(again.copied).toHaveLength(pieces.length);
    expect(reads.openJson).toBe(0);

    // A meeting whose neighbour changed and an organization with an update from another analysis
    // are new pieces: written again, the others copied.
    const [newest, second] = model.meetings;
    second!.next = 'jiny-zapis';
    newest!.previous = 'jiny-zapis';
    const reported = model.organizations.find((o) => o.updates.length)!;
    namedBy(reported.updates[0]!, 'jina-analyza');
    const moved = spliceOver({ bytes, places: first.places });
    expect(JSON.parse(written(model, moved.splice).toString('utf8'))).toEqual(JSON.parse(openDataJson(model)));
    const kept = [...model.meetings.slice(2), ...model.organizations.filter((o) => o !== reported), ...model.people].map((v) => v.id);
    expect(moved.copied.sort()).toEqual(kept.sort());
  });

  it('cannot splice meetings whose texts are held in memory (no piece), but copies organizations and people', () => {
    const model = sampleModel();
    expect(meetingPiece(model.meetings[0]!)).toBeUndefined();
    const { splice, places } = spliceOver();
    const expected = openDataJson(model);
    const bytes = written(model, splice);
    expect(bytes.toString('utf8')).toBe(expected);
    expect(places.size).toBe(model.organizations.length + model.people.length);
    const again = spliceOver({ bytes, places });
    expect(written(model, again.splice).toString('utf8')).toBe(expected);
    expect(again.copied.sort()).toEqual([...model.organizations, ...model.people].map((v) => v.id).sort());
    // Updates without a source are named by their texts: one changed is a new piece.
    const reported = model.organizations.find((o) => o.updates.length)!;
    reported.updates[0]!.content = { ...reported.updates[0]!.content, text: 'Jiný text.' };
    const changed = spliceOver({ bytes, places });
    expect(JSON.parse(written(model, changed.splice).toString('utf8'))).toEqual(JSON.parse(openDataJson(model)));
    expect(changed.copied).not.toContain(reported.id);
    expect(changed.copied).toHaveLength(model.organizations.length + model.people.length - 1);
  });
});

describe('a text entry of the cache', () => {
  it('gives back the text, and its first line is the text as the open data writes it', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const entry = Buffer.from(textEntry(text));
        expect(parseTextEntry(entry)).toEqual(text);
        expect(htmlOfTextEntry(entry)).toBe(text.html);
        expect(openJsonOfTextEntry(entry)!.toString('utf8')).toBe(JSON.stringify(text, (key, value) => (key === 'html' ? undefined : value)));
      }),
      { numRuns: 300 },
    );
    expect(parseTextEntry(Buffer.from('{"markdown":"a","text":"a"}'))).toBeUndefined();
    expect(parseTextEntry(Buffer.from('{"markdown":"a"}\n"x"'))).toBeUndefined();
    expect(openJsonOfTextEntry(Buffer.from('bez konce řádku'))).toBeUndefined();
    expect(htmlOfTextEntry(Buffer.from('"<p>bez prvního řádku</p>"'))).toBeUndefined();
    expect(htmlOfTextEntry(Buffer.from('{"markdown":"a","text":"a"}\n{"html":"x"}'))).toBeUndefined();
  });
});
