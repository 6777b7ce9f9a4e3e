#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { loadCli } from './cli-bundle.js';
import { diesWithParent, relaunchWithHeapLimit } from './heap-limit.js';

const args = process.argv.slice(2);
diesWithParent();
const relaunched = await relaunchWithHeapLimit(fileURLToPath(import.meta.url), args);
if (relaunched === undefined) {
  const { main } = await loadCli();
  process.exitCode = await main(args);
} else {
  process.exitCode = relaunched;
}
