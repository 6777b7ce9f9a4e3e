/**
 * The worker pool reports every failure to the task's caller: a task that throws, a worker that
 * dies mid-task, a worker that cannot load. None of them leaves a promise waiting forever.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/pipeline/worker-pool.ts';

const ECHO = new URL('../fixtures/workers/echo-worker.ts', import.meta.url);
const BROKEN = new URL('../fixtures/workers/broken-worker.ts', import.meta.url);
const GATHERING = new URL('../fixtures/workers/gathering-worker.ts', import.meta.url);

describe('worker pool', () => {
  it('answers each task with its own result, whatever thread finishes first', async () => {
    const pool = new WorkerPool<string, string>({ module: ECHO, workers: 2, data: { prefix: '→' }, inThread: (input) => `→${input}` });
    try {
      const inputs = Array.from({ length: 20 }, (_, i) => `úkol ${i}`);
      expect(await Promise.all(inputs.map((input) => pool.run(input)))).toEqual(inputs.map((input) => `→${input}`));
    } finally {
      await pool.close();
    }
  });

  it('lets every worker finish what it kept for later before it is terminated', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kpss-pool-'));
    try {
      const file = path.join(dir, 'gathered.txt');
      const pool = new WorkerPool<string, string>({ module: GATHERING, workers: 2, data: { file } });
      const inputs = Array.from({ length: 12 }, (_, i) => `úkol ${i}`);
      await Promise.all(inputs.map((input) => pool.run(input)));
      await pool.close();
      expect((await readFile(file, 'utf8')).split('\n').filter(Boolean).sort()).toEqual([...inputs].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a task that throws with its error, and goes on with the others', async () => {
    const pool = new WorkerPool<string, string>({ module: ECHO, workers: 1, data: { prefix: '' } });
    try {
      const results = await Promise.allSettled([pool.run('a'), pool.run('throw'), pool.run('b')]);
      expect(results[0]).toEqual({ status: 'fulfilled', value: 'a' });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: 'zadání „throw“ selhalo' } });
      expect((results[1] as PromiseRejectedResult).reason.stack).toContain('echo-worker');
      expect(results[2]).toEqual({ status: 'fulfilled', value: 'b' });
    } finally {
      await pool.close();
    }
  });

  it('rejects a task that throws in this thread like one that throws in a worker', async () => {
    const inThread = (input: string) => {
      if (input === 'throw') throw new Error('v tomto vlákně selhalo');
      return `=${input}`;
    };
    // No worker: this thread's lane takes every task.
    const pool = new WorkerPool<string, string>({ module: ECHO, workers: 0, data: {}, inThread });
    try {
      const results = await Promise.allSettled([pool.run('a'), pool.run('throw'), pool.run('b')]);
      expect(results[0]).toEqual({ status: 'fulfilled', value: '=a' });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: { message: 'v tomto vlákně selhalo' } });
      expect(results[2]).toEqual({ status: 'fulfilled', value: '=b' });
    } finally {
      await pool.close();
    }
  });

  it('rejects every outstanding task when a worker dies, and every later one', async () => {
    const pool = new WorkerPool<string, string>({ module: ECHO, workers: 1, data: { prefix: '' } });
    try {
      const results = await Promise.allSettled([pool.run('exit'), pool.run('a'), pool.run('b')]);
      for (const result of results) expect(result).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('kód 3') } });
      await expect(pool.run('c')).rejects.toThrow('kód 3');
    } finally {
      await pool.close();
    }
  });

  it('rejects the tasks of a worker that cannot load', async () => {
    const pool = new WorkerPool<string, string>({ module: BROKEN, workers: 2, data: {} });
    try {
      await expect(pool.run('a')).rejects.toThrow('modul pracovního vlákna se nenačetl');
    } finally {
      await pool.close();
    }
  });
});
