/**
 * How the benchmark adds up the memory of a process tree: processes that are alive at the same
 * sample, with a spike of the main process between two samples counted from its high-water mark.
 */
import { describe, expect, it } from 'vitest';
import { measure, treeMemory } from '../../src/bench/measure.ts';

const MiB = 2 ** 20;

describe('treeMemory', () => {
  it('counts the main process at its high-water mark when it rose since the previous sample', () => {
    expect(treeMemory({ rss: 600 * MiB, hwm: 1200 * MiB, descendants: 0 }, 900 * MiB)).toBe(1200 * MiB);
  });

  it('does not add an earlier peak of the main process to descendants that run later', () => {
    // The render peaked at 1,200 MiB; now the process holds 650 MiB while Pagefind holds 300 MiB.
    expect(treeMemory({ rss: 650 * MiB, hwm: 1200 * MiB, descendants: 300 * MiB }, 1200 * MiB)).toBe(950 * MiB);
  });

  it('adds descendants alive at the sample to a spike of the main process', () => {
    expect(treeMemory({ rss: 700 * MiB, hwm: 1300 * MiB, descendants: 250 * MiB }, 1200 * MiB)).toBe(1550 * MiB);
  });
});

describe('measure', () => {
  it('sees the memory of a child process of the measured command', { timeout: 30_000 }, async () => {
    // The parent holds little; its child fills 200 MiB and keeps it for half a second.
    const child = 'const b = Buffer.alloc(200 * 2 ** 20, 1); setTimeout(() => b.length, 500);';
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}]);`;
    const result = await measure('tree', process.execPath, ['-e', parent]);
    expect(result.exitCode).toBe(0);
    expect(result.peakRss).toBeGreaterThan(200 * MiB);
    expect(result.peakRss).toBeLessThan(600 * MiB);
  });
});
