import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArchive } from '../../src/pipeline/analyze-archive.ts';

interface Expected {
  updates: { organization: string; text: string }[];
  mentions: string[];
  announced: { group: string; date: string; time?: string }[];
}

// Written by reading each real minute: which organization reported, with the first words of its report.
const expectedFor = (id: string): Expected =>
  JSON.parse(readFileSync(new URL(`../fixtures/extract/real/${id}.json`, import.meta.url), 'utf8')) as Expected;

describe('extraction from the real minutes', async () => {
  const archive = await analyzeArchive('.');

  it('reports no problem in the real minutes', () => {
    expect(archive.diagnostics).toEqual([]);
  });

  for (const { minute, extracted } of archive.analyzed) {
    describe(minute.id, () => {
      const expected = expectedFor(minute.id);

      it('finds every organization update and nothing else', () => {
        const actual = extracted.updates.map((u) => ({ organization: u.organization, text: u.content.text }));
        expect(actual.map((u) => u.organization)).toEqual(expected.updates.map((u) => u.organization));
        actual.forEach((update, i) => expect(update.text.startsWith(expected.updates[i]!.text)).toBe(true));
      });

      it('keeps mentions apart from updates', () => {
        expect([...new Set(extracted.mentions.map((m) => m.organization))].sort()).toEqual(expected.mentions);
      });

      it('finds the announced meetings', () => {
        expect(extracted.announced.map(({ group, date, time }) => ({ group, date, time }))).toEqual(expected.announced);
      });
    });
  }
});
