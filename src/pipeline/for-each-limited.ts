/**
 * Runs `fn` over the items with at most `limit` calls in flight, in order of the items. The first
 * failure stops new calls and rejects; calls already running finish. Bounded, so 10,000 files
 * never hold 10,000 file descriptors (a cache write failing with EMFILE would go unnoticed).
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
