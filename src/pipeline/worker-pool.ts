/**
 * A small pool of worker threads running one module (node:worker_threads, no dependency), and
 * optionally this thread as one more lane. Tasks go to the least busy lane; results come back in
 * any order, each to its own promise. A task that throws rejects its promise with the error; a
 * worker that dies (an uncaught error, a crash, process.exit) rejects every task still
 * outstanding, and every later one, so a caller is told and never waits for an answer that
 * cannot come. On close each live worker finishes what it keeps for later (its `onClose`) before
 * it is terminated.
 */
import { Worker, parentPort, workerData } from 'node:worker_threads';

interface Task {
  id: number;
  input: unknown;
  resolve: (output: never) => void;
  reject: (error: Error) => void;
}

/** An error as it crosses threads: what the main thread shows of it (a SearchIndexError's details too). */
interface ErrorReply {
  name: string;
  message: string;
  stack: string | undefined;
  details?: string[];
}

type TaskReply = { id: number; output: unknown } | { id: number; error: ErrorReply };
type Reply = TaskReply | typeof CLOSED;

/** Sent to a worker when the pool closes; the worker answers with CLOSED once its onClose has run. */
const CLOSE = { close: true } as const;
const CLOSED = { closed: true } as const;

interface Lane {
  tasks: Map<number, Task>;
  /** Tasks it holds at once. */
  capacity: number;
  start(task: Task): void;
}

/**
 * Tasks a worker holds at once: one to work on and a few queued, so it never waits for this thread,
 * which answers only between two tasks of its own (with two queued, the worker of a cold check at
 * 1,000 minutes sat idle a fifth of the time).
 */
const TASKS_PER_WORKER = 4;

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

export interface WorkerPoolOptions<Input, Output> {
  /** A module that calls serveTasks: TypeScript (loaded through tsx) or JavaScript (a bundle, worker-bundle.ts). */
  module: URL;
  workers: number;
  /** What poolData gives the workers (structured-cloned). */
  data: unknown;
  /**
   * The workers' handler, to run tasks in this thread too while it would otherwise wait: on two
   * cores, this thread and one worker do the work of two workers with one start-up less.
   */
  inThread?: (input: Input) => Output;
}

export class WorkerPool<Input, Output> {
  /** Each worker with what it says when it has closed or exited. */
  readonly #workers: { worker: Worker; closed: Promise<void> }[] = [];
  readonly #lanes: Lane[] = [];
  readonly #queue: Task[] = [];
  #nextId = 0;
  #failure: Error | undefined;
  /** Set when the pool closes; a worker that exits after that was terminated, not lost. */
  #closed: Promise<void> | undefined;

  constructor({ module, workers, data, inThread }: WorkerPoolOptions<Input, Output>) {
    const typescript = module.pathname.endsWith('.ts');
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(typescript ? ENTRY : module, { workerData: { module: module.href, data } });
      const lane: Lane = {
        tasks: new Map(),
        capacity: TASKS_PER_WORKER,
        start: (task) => worker.postMessage({ id: task.id, input: task.input }),
      };
      let settleClosed!: () => void;
      const closed = new Promise<void>((resolve) => (settleClosed = resolve));
      worker.on('message', (reply: Reply) => ('closed' in reply ? settleClosed() : this.#settle(lane, reply)));
      worker.on('error', (error) => this.#fail(error));
      worker.on('exit', (code) => {
        settleClosed();
        if (!this.#closed) this.#fail(new Error(`Pracovní vlákno skončilo neočekávaně (kód ${code}).`));
      });
      this.#workers.push({ worker, closed });
      this.#lanes.push(lane);
    }
    if (inThread) {
      const lane: Lane = {
        tasks: new Map(),
        capacity: 1,
        // Later, not now: the workers' replies are handled between two tasks of this thread.
        start: (task) => setImmediate(() => this.#settle(lane, answer(task.id, task.input as Input, inThread))),
      };
      this.#lanes.push(lane);
    }
  }

  run(input: Input): Promise<Output> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<Output>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, input, resolve: resolve as (output: never) => void, reject });
      this.#dispatch();
    });
  }

  /** Closes the pool once; every call waits for the same closing (a failure starts it early). */
  close(): Promise<void> {
    return (this.#closed ??= this.#closeWorkers());
  }

  async #closeWorkers(): Promise<void> {
    await Promise.all(
      this.#workers.map(async ({ worker, closed }) => {
        // After a failure nothing is kept: a healthy worker is not asked, a dead one could not answer.
        if (!this.#failure) {
          worker.postMessage(CLOSE);
          await closed;
        }
        await worker.terminate();
      }),
    );
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      // Workers come first among equals: they must be kept busy, this thread has other work too.
      const lane = this.#lanes
        .filter((l) => l.tasks.size < l.capacity)
        .reduce<Lane | undefined>((a, b) => (!a || b.tasks.size / b.capacity < a.tasks.size / a.capacity ? b : a), undefined);
      if (!lane) return;
      const task = this.#queue.shift()!;
      lane.tasks.set(task.id, task);
      lane.start(task);
    }
  }

  #settle(lane: Lane, reply: TaskReply): void {
    const task = lane.tasks.get(reply.id);
    if (!task) return;
    lane.tasks.delete(reply.id);
    if ('error' in reply) task.reject(Object.assign(new Error(reply.error.message), reply.error));
    else task.resolve(reply.output as never);
    this.#dispatch();
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    const outstanding = [...this.#queue.splice(0), ...this.#lanes.flatMap(({ tasks }) => [...tasks.values()])];
    for (const { tasks } of this.#lanes) tasks.clear();
    for (const task of outstanding) task.reject(error);
    void this.close();
  }
}

function answer<Input>(id: number, input: Input, handle: (input: Input) => unknown): TaskReply {
  try {
    return { id, output: handle(input) };
  } catch (error) {
    return { id, error: errorReply(error) };
  }
}

function errorReply(error: unknown): ErrorReply {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined };
  const details = (error as { details?: unknown }).details;
  return { name: error.name, message: error.message, stack: error.stack, ...(Array.isArray(details) ? { details: details.map(String) } : {}) };
}

/**
 * The worker's side: answers each task with `handle`'s result (once settled, when it is a promise),
 * or with the error it threw. When the pool closes, `onClose` runs (to write what the worker
 * gathered, or to finish what it began) before the worker is terminated.
 */
export function serveTasks<Input, Output>(handle: (input: Input) => Output, onClose?: () => void | Promise<void>): void {
  if (!parentPort) throw new Error('serveTasks runs in a worker thread only');
  const port = parentPort;
  port.on('message', (message: { id: number; input: Input } | typeof CLOSE) => {
    if ('close' in message) {
      // A failing onClose fails the worker, as an uncaught error: the pool sees it exit.
      void Promise.resolve()
        .then(onClose)
        .then(() => port.postMessage(CLOSED));
      return;
    }
    const reply = answer(message.id, message.input, handle);
    if ('output' in reply && reply.output instanceof Promise) {
      reply.output.then(
        (output: unknown) => port.postMessage({ id: message.id, output }),
        (error: unknown) => port.postMessage({ id: message.id, error: errorReply(error) }),
      );
    } else port.postMessage(reply);
  });
}

/** The data the pool gave this worker (WorkerPoolOptions.data). */
export function poolData<T>(): T {
  return (workerData as { data: T }).data;
}
