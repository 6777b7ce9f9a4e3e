/** The streamed /data/archive.json is byte for byte openDataJson, the open data as defined. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArchiveModel } from '../../src/model/types.ts';
import { buildArchiveModel } from '../../src/pipeline/build-model.ts';
import { openDataChunks } from '../../src/model/open-data.ts';
import { openDataJson, writeChunks, writeOpenData } from '../../src/render/open-data.ts';
import { openDataPlaces } from '../../src/render/open-data-splice.ts';
import { sampleModel } from '../fixtures/site/sample-model.ts';
import { ROOT } from './support.ts';

let work: string | undefined;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('writeOpenData', () => {
  it('writes exactly openDataJson for the sample model and the real archive', { timeout: 60_000 }, async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'kpss-open-data-'));
    const real = await buildArchiveModel(ROOT);
    for (const [name, model] of [['sample', sampleModel()], ['archive', real.model!]] as const) {
      const file = path.join(work, `${name}.json`);
      await writeOpenData(model, file);
      expect(await readFile(file, 'utf8'), name).toBe(openDataJson(model));
    }
  });

  it('matches JSON.stringify on the edges: empty and missing values, nested html, non-array values', () => {
    const odd = {
      version: 1,
      empty: [],
      missing: undefined,
      nothing: null,
      site: { title: 'T', html: '<p>', nested: { html: 'x', keep: [1, { html: 'y', text: 'z' }] } },
      meetings: [{ id: 'a', body: { markdown: 'm', text: 't', html: '<p>t</p>' }, gone: undefined }, 2, 'three', null],
      html: 'dropped at the top too',
    } as unknown as ArchiveModel;
    const withoutHtml = (key: string, value: unknown) => (key === 'html' ? undefined : value);
    expect(openDataJson(odd), 'the site file: compact').toBe(`${JSON.stringify(odd, withoutHtml)}\n`);
    expect([...openDataChunks(odd)].join(''), 'minutes extract: indented').toBe(`${JSON.stringify(odd, withoutHtml, 2)}\n`);
    expect(openDataJson({} as ArchiveModel)).toBe('{}\n');
  });
});

describe('writeChunks', () => {
  /** What a stream is given, write by write (writev gives several at once). */
  function recordingSink() {
    const writes: Buffer[][] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => (writes.push([chunk]), done()),
      writev: (chunks, done) => (writes.push(chunks.map(({ chunk }) => chunk as Buffer)), done()),
    });
    return { sink, writes };
  }

  it('writes views that follow one another in one memory, with the text between them there too, as one part, and the bytes are the same', async () => {
    // Not from Buffer's shared pool, where other small buffers would share its memory.
    const text = '{"id":"a"},{"id":"b"};{"id":"c"}{"id":"d"}';
    const block = Buffer.alloc(text.length, text);
    const [a, b, c, d] = [block.subarray(0, 10), block.subarray(11, 21), block.subarray(22, 32), block.subarray(32, 42)];
    const { sink, writes } = recordingSink();
    // a and b: "," between them in the chunks and in the block; b and c: "," against ";"; c and d: nothing between.
    await writeChunks(['[', a, ',', b, ',', c, d, ']'], sink);
    const parts = writes.flat();
    expect(Buffer.concat(parts).toString()).toBe('[{"id":"a"},{"id":"b"},{"id":"c"}{"id":"d"}]');
    expect(parts.map(String)).toEqual(['[', '{"id":"a"},{"id":"b"}', ',', '{"id":"c"}{"id":"d"}', ']']);
    // The joined parts are views of the block, not copies.
    expect(parts[1]!.buffer).toBe(block.buffer);
    expect(writes).toHaveLength(1);
  });

  it('does not join a view that comes before the last part or overlaps it', async () => {
    const block = Buffer.from('abcdef');
    const { sink, writes } = recordingSink();
    await writeChunks([block.subarray(3, 6), block.subarray(0, 3), block.subarray(2, 4)], sink);
    expect(writes.flat().map(String)).toEqual(['def', 'abc', 'cd']);
  });
});

describe('copying pieces of the previous open data file', () => {
  it('writes them right when the blocks they were read into are read into again', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kpss-open-data-blocks-'));
    try {
      // ~5 MB of pieces: many blocks, and several writes that wait for the stream to drain.
      const pieces = Array.from({ length: 2400 }, (_, i) => JSON.stringify({ id: `p${i}`, text: `${i} ${'Naděje, azylový dům. '.repeat(80 + (i % 40))}` }));
      const previousFile = path.join(dir, 'archive.json');
      await writeFile(previousFile, `[${pieces.join(',')}]`);
      const places: [string, number, number][] = [];
      let offset = 1;
      for (const [i, piece] of pieces.entries()) {
        places.push([`meeting p${i}`, offset, Buffer.byteLength(piece)]);
        offset += Buffer.byteLength(piece) + 1;
      }
      const recordFile = path.join(dir, 'record.json');
      const { size, mtimeMs } = await stat(previousFile);
      await writeFile(recordFile, JSON.stringify({ format: 1, size, mtimeMs, pieces: places }));
      const splice = await openDataPlaces(recordFile, previousFile);
      // Every third piece is new, the others are copied: the copies are views of blocks.
      const kept = (i: number) => i % 3 !== 0;
      const made = (i: number) => JSON.stringify({ id: `p${i}`, text: `nově ${i}` });
      function* chunks() {
        yield '[';
        for (let i = 0; i < pieces.length; i++) {
          if (i) yield ',';
          yield (kept(i) ? splice.previous(`meeting p${i}`, { id: `p${i}` }) : undefined) ?? made(i);
        }
        yield ']';
      }
      const file = path.join(dir, 'next.json');
      const out = createWriteStream(file);
      const closed = once(out, 'close');
      await writeChunks(chunks(), out, { written: () => splice.written() });
      out.end();
      await closed;
      splice.close();
      expect(splice.copied.meeting).toBe(pieces.filter((_, i) => kept(i)).length);
      const expected = `[${pieces.map((piece, i) => (kept(i) ? piece : made(i))).join(',')}]`;
      expect((await readFile(file, 'utf8')) === expected, 'the file as written piece by piece').toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
