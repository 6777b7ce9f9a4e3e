/**
 * A minute rebuilt from its saved summary (src/pipeline/hydrate-minute.ts) answers like the minute
 * parsed from its file, and reads the file only when something needs its text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/bench/run.ts';
import { extractionContext } from '../../src/extract/context.ts';
import { analyzeFile, type SavedMinute } from '../../src/pipeline/analyze-file.ts';
import { hydrateMinute, hydrateValidatedMinute } from '../../src/pipeline/hydrate-minute.ts';
import { parseMinute } from '../../src/parse/parse-minute.ts';
import { decodeSource } from '../../src/read/read-source.ts';
import { loadRegisters } from '../../src/registers/load-registers.ts';
import { projectPaths } from '../../src/registers/project.ts';
import { validateMinute, type ValidatedParse } from '../../src/validate/validate-minute.ts';

const SHOWN = 'minutes/2020/2020-02-17-cizinci.md';
const FILE = path.join(REPO_ROOT, SHOWN);

let direct: ValidatedParse;
let saved: SavedMinute;
let bytes: Uint8Array;

beforeAll(async () => {
  const paths = projectPaths(REPO_ROOT);
  const registers = await loadRegisters(paths);
  bytes = readFileSync(FILE);
  const read = decodeSource(SHOWN, bytes);
  if (!read.ok) throw new Error('the real minute reads');
  direct = validateMinute(parseMinute(read.source), registers, paths, FILE).minute!;
  saved = analyzeFile({ file: FILE, shown: SHOWN, bytes }, { registers, paths, context: extractionContext(registers) }).summary.minute!;
});

describe('a minute hydrated from its summary', () => {
  it('reads the file only when its text is asked for', () => {
    let reads = 0;
    const minute = hydrateMinute(SHOWN, () => (reads++, bytes), saved);
    expect(minute.id).toBe(direct.id);
    expect(minute.meeting).toEqual({ group: direct.frontmatter.group, date: direct.frontmatter.date, time: direct.frontmatter.time });
    expect(minute.parsed.source.path).toBe(SHOWN);
    expect(minute.placement.wholeSpan).toEqual(direct.placement.wholeSpan);
    expect(reads).toBe(0);
    expect(minute.parsed.source.text).toBe(direct.parsed.source.text);
    expect(minute.placement.text).toBe(direct.placement.text);
    expect(reads).toBe(1);
  });

  it('places the frontmatter as the parse did: offsets, spans, document and data', () => {
    const minute = hydrateMinute(SHOWN, () => bytes, saved);
    expect(minute.placement.file).toBe(direct.placement.file);
    expect(minute.placement.offset).toBe(direct.placement.offset);
    expect(minute.placement.document.toJS()).toEqual(direct.placement.document.toJS());
    expect(minute.parsed.frontmatter!.data).toEqual(direct.parsed.frontmatter!.data);
    for (const range of [[0, 4], [10, 40], [direct.placement.text.length - 5, direct.placement.text.length]] as const) {
      expect(minute.placement.spanOf(range)).toEqual(direct.placement.spanOf(range));
    }
    const end = direct.parsed.source.text.length;
    expect(minute.parsed.locator.pointAt(end)).toEqual(direct.parsed.locator.pointAt(end));
  });

  it('with a frontmatter loader, loads the frontmatter only when it is read', () => {
    let loads = 0;
    const minute = hydrateValidatedMinute(SHOWN, () => bytes, saved, () => (loads++, direct.frontmatter));
    expect(minute.meeting.date).toBe(direct.frontmatter.date);
    expect(loads).toBe(0);
    expect(minute.frontmatter).toEqual(direct.frontmatter);
    expect(loads).toBe(1);
    expect(minute.parsed.source.path).toBe(SHOWN);
  });
});
