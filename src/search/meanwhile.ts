/**
 * When the caller's work that needs nothing of the search index runs during indexSite (the site's
 * open data, `meanwhile` in IndexSiteOptions). Once Pagefind has every page of the shards it indexes,
 * this thread only waits for Pagefind's processes: in a build after one changed minute that is
 * ~1.5 s in which the open data (~1.2 s at 10,000 minutes) costs nothing. When more shards are
 * indexed than at once (a full index), the work runs first instead: it frees the model before
 * Pagefind's services grow. At the latest it runs after the index.
 */
export class Meanwhile {
  #run: (() => Promise<void>) | undefined;
  #running: Promise<void> | undefined;
  #toFeed: number;

  constructor(work: (() => Promise<void>) | undefined, shardsToIndex: number, lanes: number) {
    this.#run = work;
    this.#toFeed = shardsToIndex > lanes ? 0 : shardsToIndex;
  }

  /** Whether the work waits for shards to be fed: then they should be fed as fast as this thread can. */
  get waitsForFeed(): boolean {
    return this.#toFeed > 0;
  }

  /** Runs the work now when nothing will be fed that it could wait for. */
  async before(): Promise<void> {
    if (this.#toFeed === 0) await this.#start();
  }

  /** A shard has all its pages: once every shard has, the work starts while Pagefind indexes. */
  fed(): void {
    if (--this.#toFeed === 0) {
      // Awaited in after(); a failure is reported there, not left unhandled now.
      this.#start().catch(() => {});
    }
  }

  /** Runs the work if it has not run yet; its failure is the caller's. */
  async after(): Promise<void> {
    await this.#start();
  }

  /** Waits for work already started, whatever its outcome. */
  async settled(): Promise<void> {
    await this.#running?.catch(() => {});
  }

  #start(): Promise<void> {
    if (!this.#running) {
      const work = this.#run;
      this.#run = undefined;
      this.#running = work ? work() : Promise.resolve();
    }
    return this.#running;
  }
}
