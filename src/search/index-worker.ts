/**
 * The worker thread of index-thread.ts: the search index of a build, begun while the main thread
 * renders. Pagefind's services answer through pipes this thread reads; on the main thread, busy
 * rendering, they waited for it (a shard of ~370 pages took 15–19 s instead of ~3 s).
 */
import { poolData, serveTasks } from '../pipeline/worker-pool.ts';
import { EarlyIndex, type EarlyIndexOptions } from './early-index.ts';
import { indexSite, type IndexSiteResult } from './index-site.ts';
import type { IndexThreadTask } from './index-thread.ts';

const early = new EarlyIndex(poolData<EarlyIndexOptions>());

serveTasks<IndexThreadTask, undefined | Promise<IndexSiteResult>>(
  (task) => {
    if ('rendered' in task) {
      early.rendered(task.rendered.dir, task.rendered.files);
      return undefined;
    }
    return indexSite(task.index.dir, { ...task.index.options, early });
  },
  () => early.close(),
);
