/**
 * A full garbage collection on request. With 24 GiB of RAM V8 lets the heap grow to gigabytes of
 * garbage before it collects the old generation; between the large steps of a build (each run of
 * Eleventy, each stage) nothing of the previous step is needed, so collecting there keeps the peak
 * near the live data. A collection never fails for lack of memory, unlike a fixed heap limit.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

/**
 * Heap in use below which a build's collections between steps are left to V8: a warm build of
 * 10,000 minutes holds 200–450 MB there, and its three forced collections cost ~0.4 s of its ~12 s
 * (`node --trace-gc`) while its peak stays far from any limit. A cold build (and any archive several
 * times larger) holds more and is collected as before.
 */
const WORTH_COLLECTING = 512 * 2 ** 20;

/** collectGarbage when the heap holds enough for the peak to matter (WORTH_COLLECTING). */
export function collectLargeGarbage(): void {
  if (v8.getHeapStatistics().used_heap_size >= WORTH_COLLECTING) collectGarbage();
}

/** Heap in use right after the last collectGarbage: what was live then. */
let liveAfterLastCollection: number | undefined;

/**
 * collectLargeGarbage for a step that leaves little garbage beside a large live heap (a run of
 * Eleventy beside the model): only once the garbage since the last collection is worth its cost.
 * A full collection costs in proportion to what is live, so it waits for garbage of at least
 * GARBAGE_SHARE of that. At 10,000 minutes a run left ~130 MB beside ~430 MB live and each run is
 * still collected; at 50,000 minutes it left ~60 MB beside ~2,000 MB, and collecting after each of
 * the 50 runs took ~2.2 s each, ~110 s of the cold build (`node --trace-gc`).
 */
export function collectAccumulatedGarbage(): void {
  if (worthCollecting(v8.getHeapStatistics().used_heap_size, liveAfterLastCollection)) collectGarbage();
}

const GARBAGE_SHARE = 0.25;

export function worthCollecting(used: number, liveAfterLast: number | undefined): boolean {
  if (used < WORTH_COLLECTING) return false;
  return liveAfterLast === undefined || used - liveAfterLast >= liveAfterLast * GARBAGE_SHARE;
}

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      // The flag exposes `gc` to contexts created after it is set, such as this new one.
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  if (!gc) return;
  gc();
  liveAfterLastCollection = v8.getHeapStatistics().used_heap_size;
}
