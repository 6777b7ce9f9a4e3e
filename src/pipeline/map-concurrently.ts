/**
 * `work` over `items` with at most `limit` calls running at once; the results in the order of the
 * items. The first failure stops new calls and rejects; calls already running finish. Bounded, so
 * 10,000 files never hold 10,000 file descriptors (a cache write failing with EMFILE would go unnoticed).
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const runner = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, runner));
  return results;
}
