/**
 * Pagefind's Node API talks to one indexing service (a `pagefind --service` process) per instance
 * of its module, and that service indexes on one core: two shards given to it at once took
 * 10.8 s for 1,000 pages instead of 12.1 s. Each further instance of the module, imported under
 * its own URL (an ES module is instantiated once per URL), starts a service of its own, so shards
 * given to different instances are indexed side by side on the machine's cores: 8.3 s for the
 * same 1,000 pages with two services.
 */
import * as pagefind from 'pagefind';

export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/**
 * Services for indexing shards at once: a lane takes one, gives it back when its shard is
 * written, and `close` stops every service that was started. A lane that finds none free waits
 * for one (the shards begun during rendering, early-index.ts, share them with indexSite's).
 */
export class PagefindServices {
  readonly #idle: Promise<PagefindApi>[];
  /** Services held back until `openAll` (their processes are started only when first used). */
  readonly #held: Promise<PagefindApi>[];
  readonly #used = new Set<Promise<PagefindApi>>();
  // A waiting lane is handed the service boxed: a promise resolved with a promise would be unwrapped.
  readonly #waiting: ((handed: { service: Promise<PagefindApi> }) => void)[] = [];

  /** `count` services, of which only `open` may be used until openAll. */
  constructor(count: number, open = count) {
    const services = Array.from({ length: Math.max(1, count) }, (_, i) => (i === 0 ? Promise.resolve(pagefind) : instance(i)));
    this.#idle = services.slice(0, Math.max(1, open));
    this.#held = services.slice(Math.max(1, open));
  }

  /** Runs `work` with a service no other lane is using, once one is free. */
  async with<T>(work: (api: PagefindApi) => Promise<T>): Promise<T> {
    const service = this.#idle.pop() ?? (await new Promise<{ service: Promise<PagefindApi> }>((resolve) => this.#waiting.push(resolve))).service;
    this.#used.add(service);
    try {
      return await work(await service);
    } finally {
      this.#release(service);
    }
  }

  /** Lets lanes use the services held back. */
  openAll(): void {
    for (const service of this.#held.splice(0)) this.#release(service);
  }

  #release(service: Promise<PagefindApi>): void {
    const next = this.#waiting.shift();
    if (next) next({ service });
    else this.#idle.push(service);
  }

  /** Stops the service processes that were started; the module instances then start new ones when asked. */
  async close(): Promise<void> {
    await Promise.all([...this.#used].map(async (service) => (await service).close()));
    this.#used.clear();
  }
}

function instance(n: number): Promise<PagefindApi> {
  return import(`${import.meta.resolve('pagefind')}?service=${n}`) as Promise<PagefindApi>;
}
