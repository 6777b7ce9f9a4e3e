/**
 * The search index of a build that renders many pages, made in a worker thread (index-worker.ts)
 * from the first Eleventy run on: the shards the rendered pages complete are indexed while the
 * main thread renders the rest (early-index.ts), and indexSite finishes there once the site is
 * complete. The thread starts only when a run renders at least START_PAGES pages: a build after a
 * few changes renders one small run, which completes no shard early (the pages it reuses are
 * linked after rendering), and the thread would only add its start (~0.2 s of CPU from its bundle).
 */
import { bundledWorker } from '../pipeline/worker-bundle.ts';
import { WorkerPool } from '../pipeline/worker-pool.ts';
import type { EarlyIndexOptions } from './early-index.ts';
import { indexSite, type IndexSiteOptions, type IndexSiteResult } from './index-site.ts';

export type IndexThreadTask =
  | { rendered: { dir: string; files: readonly string[] } }
  | { index: { dir: string; options: Omit<IndexSiteOptions, 'early' | 'meanwhile'> } };

/** Pages of one Eleventy run from which on the index begins in its thread (by default). */
export const START_PAGES = 1000;

export interface IndexThreadOptions extends EarlyIndexOptions {
  /** Pages of one Eleventy run from which on the index begins in its thread (default START_PAGES). */
  startPages?: number;
}

export class IndexThread {
  readonly #options: EarlyIndexOptions;
  readonly #startPages: number;
  #pool: Promise<WorkerPool<IndexThreadTask, undefined | IndexSiteResult>> | undefined;
  readonly #announced: Promise<unknown>[] = [];

  constructor({ startPages, ...options }: IndexThreadOptions) {
    this.#options = options;
    this.#startPages = startPages ?? START_PAGES;
  }

  /** Whether the index has begun in its thread. */
  get begun(): boolean {
    return this.#pool !== undefined;
  }

  /** render's onRendered: the pages an Eleventy run wrote into `dir`. */
  rendered(dir: string, files: readonly string[]): void {
    if (!this.#pool && files.length < this.#startPages) return;
    this.#pool ??= indexWorkerBundle().then((module) => new WorkerPool({ module: module ?? INDEX_WORKER, workers: 1, data: this.#options }));
    // A failed thread fails the index below, which says why.
    this.#announced.push(this.#pool.then((pool) => pool.run({ rendered: { dir, files } })).catch(() => {}));
  }

  /**
   * indexSite over the finished site in `dir`: in the thread when it has begun, with the caller's
   * `meanwhile` run here at the same time; otherwise in this thread, as always.
   */
  async index(dir: string, { meanwhile, ...options }: Omit<IndexSiteOptions, 'early'>): Promise<IndexSiteResult> {
    if (!this.#pool) return indexSite(dir, { ...options, meanwhile });
    const indexed = (await this.#pool).run({ index: { dir, options } });
    try {
      await meanwhile?.();
    } finally {
      // Whatever happened here, the thread is not left writing into the site unawaited.
      await indexed.catch(() => {});
    }
    return (await indexed)!;
  }

  /** Waits for what the thread began and stops it (its Pagefind services with it). */
  async close(): Promise<void> {
    await Promise.all(this.#announced);
    await (await this.#pool)?.close();
  }
}

const INDEX_WORKER = new URL('./index-worker.ts', import.meta.url);

/** The index thread's worker bundled for this version of the code, built on first need (or by `minutes prepare`). */
export function indexWorkerBundle(): Promise<URL | undefined> {
  return bundledWorker(INDEX_WORKER);
}
