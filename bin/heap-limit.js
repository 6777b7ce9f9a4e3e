/**
 * `minutes build` holds the archive model in memory, about 45 KB of heap per minute. V8 gives a
 * Node process at most ~4 GB of heap by default, however much memory the machine has, and a build
 * of 50,000 minutes stopped there with "JavaScript heap out of memory". Commands that build
 * (`build`, `serve`) therefore run in a child Node process whose heap may use three quarters of the
 * machine's memory. A limit the user set (NODE_OPTIONS or a node flag) is respected as it is.
 *
 * Plain JavaScript: this runs before anything could compile TypeScript.
 */
import os from 'node:os';
import v8 from 'node:v8';

const BUILDING_COMMANDS = new Set(['build', 'serve']);
const RELAUNCHED = 'KPSS_MINUTES_HEAP_MB';
/** As in src/render/launcher.ts. */
const PUBLISH_QUESTION = 'kpss-minutes:may-publish';
const PUBLISH_ANSWER = 'kpss-minutes:publish';

/** The heap limit, in MiB, that `args` should run with; undefined when the current one is right. */
export function wantedHeapMb(args, { env = process.env, execArgv = process.execArgv, totalMemory = os.totalmem(), currentLimit = v8.getHeapStatistics().heap_size_limit } = {}) {
  if (!BUILDING_COMMANDS.has(args[0]) || env[RELAUNCHED]) return undefined;
  if (/--max-old-space-size/.test(`${env.NODE_OPTIONS ?? ''} ${execArgv.join(' ')}`)) return undefined;
  const wanted = Math.floor((totalMemory * 0.75) / 2 ** 20);
  return wanted > currentLimit / 2 ** 20 ? wanted : undefined;
}

/**
 * Runs `script args` again in a child Node with the heap limit `args` wants and resolves with its
 * exit code; resolves with undefined, running nothing, when this process already has it.
 */
export async function relaunchWithHeapLimit(script, args) {
  const heapMb = wantedHeapMb(args);
  if (heapMb === undefined) return undefined;
  // Loaded only here: `minutes validate` is not relaunched and starts without it.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, script, ...args], {
    // The channel closes when this process dies, even by SIGKILL: the child then dies too (diesWithParent).
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [RELAUNCHED]: String(heapMb) },
  });
  // Ctrl+C reaches the child from the terminal itself (a second SIGINT would cut short `serve`'s own
  // orderly stop); this process only waits for it. A signal sent to this process alone (a
  // supervisor's SIGTERM) is passed on.
  process.on('SIGINT', () => {});
  // The build asks before it publishes and publishes only once answered (src/render/launcher.ts):
  // only a launcher that is alive answers, so a killed one never lets its build publish.
  child.on('message', (message) => {
    // A channel closed meanwhile is not this process's error: the build, cut off, dies with it.
    if (message === PUBLISH_QUESTION) child.send(PUBLISH_ANSWER, () => {});
  });
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? 128 + (os.constants.signals[signal] ?? 0)));
  });
}

/**
 * In a relaunched child: dies as soon as the parent is gone. A build killed by SIGKILL (a cancelled
 * CI job, `kill -9`) must stop as a whole, not go on and publish behind the back of whoever killed it.
 */
export function diesWithParent() {
  if (!process.env[RELAUNCHED] || !process.channel) return;
  process.channel.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}
