import { readFileSync } from 'node:fs';
import { descendantsOf } from '../../src/bench/measure.ts';

/** Pagefind service processes started by this test process. */
export function pagefindServiceProcesses(): number[] {
  return descendantsOf(process.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('--service');
    } catch {
      return false;
    }
  });
}
