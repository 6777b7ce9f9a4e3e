/**
 * When a build forces a full garbage collection between Eleventy runs: only when the garbage since
 * the last one is worth a collection, whose cost grows with what is live (collect-garbage.ts).
 */
import { describe, expect, it } from 'vitest';
import { worthCollecting } from '../../src/pipeline/collect-garbage.ts';

const MB = 2 ** 20;

describe('worthCollecting', () => {
  it('leaves a small heap to V8', () => {
    expect(worthCollecting(400 * MB, undefined)).toBe(false);
    expect(worthCollecting(500 * MB, 100 * MB)).toBe(false);
  });

  it('collects a large heap not collected before', () => {
    expect(worthCollecting(600 * MB, undefined)).toBe(true);
  });

  it('collects after a run at 10,000 minutes: ~130 MB of garbage beside ~430 MB live', () => {
    expect(worthCollecting(561 * MB, 428 * MB)).toBe(true);
  });

  it('waits at 50,000 minutes until the runs have left a quarter of what is live', () => {
    // One run left ~60 MB beside ~2,000 MB live; a collection then cost ~2.2 s.
    expect(worthCollecting(2_051 * MB, 1_991 * MB)).toBe(false);
    expect(worthCollecting(2_480 * MB, 1_991 * MB)).toBe(false);
    expect(worthCollecting(2_490 * MB, 1_991 * MB)).toBe(true);
  });
});
