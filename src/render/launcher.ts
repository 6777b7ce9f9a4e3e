/**
 * A build relaunched with a larger heap (bin/heap-limit.js) asks its launcher before it publishes,
 * and publishes only once it is answered. A launcher that answers is alive; a killed one never
 * answers, its channel closes and the build dies with it (diesWithParent). Hearing the channel
 * close was not enough: a launcher killed a moment before the swap took the kernel a while to tear
 * down, and under load its build had published meanwhile.
 */

/** Set by bin/heap-limit.js for the build it launches, which answers the question below. */
const LAUNCHED = 'KPSS_MINUTES_HEAP_MB';
/** The same two messages stand in bin/heap-limit.js, which runs before any TypeScript can. */
export const PUBLISH_QUESTION = 'kpss-minutes:may-publish';
export const PUBLISH_ANSWER = 'kpss-minutes:publish';

/** Resolves when the build may publish: its launcher answered, or it has none (after one turn of the event loop). */
export function launcherAlive(): Promise<void> {
  const channel = process.channel;
  if (!process.env[LAUNCHED] || !process.send || !channel) return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const heard = (message: unknown) => {
      if (message !== PUBLISH_ANSWER) return;
      process.off('message', heard);
      channel.unref();
      resolve();
    };
    process.on('message', heard);
    // The channel is unreferenced so that it never keeps a finished build alive; waiting for the answer, it must.
    channel.ref();
    process.send!(PUBLISH_QUESTION);
  });
}
