/**
 * The digest of an extracted update or mention (model/minute-part.ts) names it: a later build knows
 * an unchanged update or mention of a changed minute by it (model/provenance.ts), so it must follow
 * everything the model takes of it, and nothing else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/bench/run.ts';
import { extractionContext } from '../../src/extract/context.ts';
import { digestedUpdate, type ExtractedPart } from '../../src/model/minute-part.ts';
import { analyzeFile, type AnalysisEnvironment } from '../../src/pipeline/analyze-file.ts';
import { loadRegisters } from '../../src/registers/load-registers.ts';
import { projectPaths } from '../../src/registers/project.ts';

const SHOWN = 'minutes/2020/2020-02-17-cizinci.md';
const FILE = path.join(REPO_ROOT, SHOWN);
const original = readFileSync(FILE, 'utf8');
let environment: AnalysisEnvironment;

beforeAll(async () => {
  const paths = projectPaths(REPO_ROOT);
  const registers = await loadRegisters(paths);
  environment = { registers, paths, context: extractionContext(registers) };
});

function extractedOf(text: string): ExtractedPart {
  return analyzeFile({ file: FILE, shown: SHOWN, bytes: Buffer.from(text) }, environment).body!.extracted;
}

const digests = (items: readonly { digest: string }[]) => items.map((item) => item.digest);

describe("an update's and a mention's digest", () => {
  it('stays when the minute changes elsewhere, and changes with the update or mention', () => {
    const before = extractedOf(original);
    expect(before.updates.length).toBeGreaterThan(0);
    expect(before.mentions.length).toBeGreaterThan(0);
    const after = extractedOf(`${original}\nDoplněno po jednání.\n`);
    expect(digests(after.updates)).toEqual(digests(before.updates));
    expect(digests(after.mentions)).toEqual(digests(before.mentions));

    const reworded = extractedOf(original.replace('AD pro ženy', 'AD pro matky'));
    expect(reworded.updates.map((u) => u.content.html)).not.toEqual(before.updates.map((u) => u.content.html));
    expect(digests(reworded.updates)).not.toEqual(digests(before.updates));

    // A mention moved along its line: the same words, another place.
    const mention = before.mentions[0]!;
    const line = original.split('\n')[mention.position.line - 1]!;
    const moved = extractedOf(original.replace(line, line.replace(mention.written, `tedy ${mention.written}`)));
    expect(moved.mentions.map((m) => m.written)).toEqual(before.mentions.map((m) => m.written));
    expect(digests(moved.mentions)).not.toEqual(digests(before.mentions));
  });

  it('of an update follows every member of it, however deep', () => {
    const { digest, ...update } = extractedOf(original).updates[0]!;
    expect(digestedUpdate(update).digest).toBe(digest);
    const leaves = (value: unknown, path: string[] = []): string[][] =>
      value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([key, member]) => leaves(member, [...path, key])) : [path];
    const paths = leaves(update);
    expect(paths.map((path) => path.join('.'))).toEqual(expect.arrayContaining(['organization', 'written', 'content.markdown', 'content.text', 'content.html', 'position.endColumn']));
    for (const path of paths) {
      const changed = structuredClone(update) as Record<string, unknown>;
      const holder = path.slice(0, -1).reduce((object, key) => object[key] as Record<string, unknown>, changed);
      const key = path[path.length - 1]!;
      holder[key] = typeof holder[key] === 'number' ? (holder[key] as number) + 1 : `${String(holder[key])}x`;
      expect(digestedUpdate(changed as typeof update).digest, path.join('.')).not.toBe(digest);
    }
  });
});
