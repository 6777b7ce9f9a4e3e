/**
 * A value passed on to the stage that consumes it, so that nothing else keeps it alive. An async
 * function keeps its parameters and locals for as long as it runs, even after their last use
 * (V8 holds them in the suspended frame across every await). The archive model is hundreds of
 * megabytes at 10,000 minutes and is not needed once the site is rendered: handed over, it is
 * released before the search index is built instead of living to the end of the build.
 */
export class Handover<T extends object> {
  #value: T | undefined;

  constructor(value: T) {
    this.#value = value;
  }

  /** The value, once: the handover keeps no reference to it afterwards. */
  take(): T {
    const value = this.#value;
    if (!value) throw new Error('Handover: the value was already taken.');
    this.#value = undefined;
    return value;
  }
}
