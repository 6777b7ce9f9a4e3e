import { describe, expect, it } from 'vitest';
import { Meanwhile } from '../../src/search/meanwhile.ts';

/** A Meanwhile over work that records when it ran. */
function recorded(shards: number, lanes: number, work: () => Promise<void> = async () => {}) {
  const log: string[] = [];
  const meanwhile = new Meanwhile(
    async () => {
      log.push('work');
      await work();
    },
    shards,
    lanes,
  );
  return { log, meanwhile };
}

describe('Meanwhile', () => {
  it('runs the work once every shard to index has all its pages, before the index is written', async () => {
    const { log, meanwhile } = recorded(2, 2);
    await meanwhile.before();
    log.push('fed 1');
    meanwhile.fed();
    log.push('fed 2');
    meanwhile.fed();
    log.push('written');
    await meanwhile.after();
    expect(log).toEqual(['fed 1', 'fed 2', 'work', 'written']);
  });

  it('runs it first when more shards are indexed than at once, or none', async () => {
    for (const shards of [3, 0]) {
      const { log, meanwhile } = recorded(shards, 2);
      await meanwhile.before();
      log.push('fed');
      for (let i = 0; i < shards; i++) meanwhile.fed();
      await meanwhile.after();
      expect(log).toEqual(['work', 'fed']);
    }
  });

  it('runs it after the index when nothing said the pages were fed, and never twice', async () => {
    const { log, meanwhile } = recorded(1, 2);
    await meanwhile.before();
    await meanwhile.after();
    await meanwhile.after();
    expect(log).toEqual(['work']);
  });

  it('reports a failure of work it started meanwhile from after(), and settled() waits without throwing', async () => {
    const { meanwhile } = recorded(1, 2, async () => {
      throw new Error('open data failed');
    });
    meanwhile.fed();
    await expect(meanwhile.settled()).resolves.toBeUndefined();
    await expect(meanwhile.after()).rejects.toThrow('open data failed');
  });
});
