/**
 * The digest of an update's texts (model/minute-part.ts) names them: a later build knows an
 * unchanged update of a changed minute by it (model/provenance.ts), so it must follow every text
 * the model shows, and nothing else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/bench/run.ts';
import { extractionContext } from '../../src/extract/context.ts';
import type { ContentHtml } from '../../src/model/minute-part.ts';
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

function updatesOf(text: string): ContentHtml[] {
  const { body } = analyzeFile({ file: FILE, shown: SHOWN, bytes: Buffer.from(text) }, environment);
  return body!.extracted.updates.map((update) => update.content);
}

describe("an update's digest", () => {
  it('stays when the minute changes elsewhere, and changes with its text', () => {
    const before = updatesOf(original);
    expect(before.length).toBeGreaterThan(0);
    const after = updatesOf(`${original}\nDoplněno po jednání.\n`);
    expect(after.map((u) => u.digest)).toEqual(before.map((u) => u.digest));
    const reworded = updatesOf(original.replace('AD pro ženy', 'AD pro matky'));
    expect(reworded.map((u) => u.html)).not.toEqual(before.map((u) => u.html));
    expect(reworded.map((u) => u.digest)).not.toEqual(before.map((u) => u.digest));
  });
});
