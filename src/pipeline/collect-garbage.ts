/**
 * A full garbage collection on request. With 24 GiB of RAM V8 lets the heap grow to gigabytes of
 * garbage before it collects the old generation; between the large steps of a build (each run of
 * Eleventy, each stage) nothing of the previous step is needed, so collecting there keeps the peak
 * near the live data. A collection never fails for lack of memory, unlike a fixed heap limit.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

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
  gc?.();
}
