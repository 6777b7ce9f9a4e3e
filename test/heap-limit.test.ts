/**
 * Building commands run with a heap sized to the machine (bin/heap-limit.js): V8's default of about
 * 4 GB stopped a build of 50,000 minutes. The child's dying with a killed parent is tested where
 * builds are killed (test/robustness/kill-build.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLISH_ANSWER, PUBLISH_QUESTION } from '../src/render/launcher.ts';
// @ts-expect-error plain JavaScript without declarations: it runs before TypeScript can.
import { wantedHeapMb } from '../bin/heap-limit.js';
import { ROOT } from './site/support.ts';

const GiB = 2 ** 30;
const machine = { env: {}, execArgv: [], totalMemory: 24 * GiB, currentLimit: 4 * GiB };

describe('wantedHeapMb', () => {
  it('gives build and serve three quarters of the machine when the default heap is smaller', () => {
    expect(wantedHeapMb(['build'], machine)).toBe(18 * 1024);
    expect(wantedHeapMb(['serve', '--port', '0'], machine)).toBe(18 * 1024);
  });

  it('leaves other commands, a relaunched process, a limit the user set and a large enough heap alone', () => {
    expect(wantedHeapMb(['validate'], machine)).toBeUndefined();
    expect(wantedHeapMb(['build'], { ...machine, env: { KPSS_MINUTES_HEAP_MB: '18432' } })).toBeUndefined();
    expect(wantedHeapMb(['build'], { ...machine, env: { NODE_OPTIONS: '--max-old-space-size=2048' } })).toBeUndefined();
    expect(wantedHeapMb(['build'], { ...machine, execArgv: ['--max-old-space-size=2048'] })).toBeUndefined();
    expect(wantedHeapMb(['build'], { ...machine, currentLimit: 20 * GiB })).toBeUndefined();
  });
});

describe('relaunchWithHeapLimit', () => {
  it('runs a build in a child Node with the larger heap and passes its exit code back', { timeout: 60_000 }, async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'kpss-heap-'));
    try {
      // Stands in for bin/minutes.js: reports its heap limit and exits with 7.
      const script = path.join(work, 'report.mjs');
      await writeFile(script, "import v8 from 'node:v8'; console.log(v8.getHeapStatistics().heap_size_limit); process.exitCode = 7;");
      const launcher = path.join(work, 'launch.mjs');
      const heapLimit = pathToFileURL(path.join(ROOT, 'bin', 'heap-limit.js')).href;
      await writeFile(launcher, `import { relaunchWithHeapLimit } from ${JSON.stringify(heapLimit)}; process.exitCode = await relaunchWithHeapLimit(${JSON.stringify(script)}, ['build']);`);
      const result = spawnSync(process.execPath, [launcher], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(result.status, result.stderr).toBe(7);
      const limitMb = Number(result.stdout.trim()) / 2 ** 20;
      const wanted = wantedHeapMb(['build'], { env: {}, execArgv: [] }) as number | undefined;
      // On a machine whose default heap is already as large, nothing is relaunched and the default stays.
      if (wanted !== undefined) expect(limitMb).toBeGreaterThanOrEqual(wanted);
      expect(limitMb).toBeGreaterThan(0);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('answers the build that asks whether it may publish (src/render/launcher.ts)', { timeout: 60_000 }, async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'kpss-heap-'));
    try {
      // Stands in for a build at its swap: asks, and exits with 3 once answered.
      const script = path.join(work, 'ask.mjs');
      await writeFile(
        script,
        `process.on('message', (m) => { if (m === ${JSON.stringify(PUBLISH_ANSWER)}) process.exit(3); }); process.send(${JSON.stringify(PUBLISH_QUESTION)});`,
      );
      const launcher = path.join(work, 'launch.mjs');
      const heapLimit = pathToFileURL(path.join(ROOT, 'bin', 'heap-limit.js')).href;
      await writeFile(launcher, `import { relaunchWithHeapLimit } from ${JSON.stringify(heapLimit)}; process.exitCode = await relaunchWithHeapLimit(${JSON.stringify(script)}, ['build']);`);
      expect(wantedHeapMb(['build'], { env: {}, execArgv: [] }), 'this machine relaunches a build').toBeDefined();
      const result = spawnSync(process.execPath, [launcher], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 30_000 });
      expect(result.status, result.stderr).toBe(3);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
