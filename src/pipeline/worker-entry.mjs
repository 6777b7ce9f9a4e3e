// A worker thread starts with Node's own loader, which knows no TypeScript (Node 20 does not pass
// the main thread's tsx hooks on to workers): register tsx, as bin/minutes.js does, then load the
// TypeScript module the pool was given.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
