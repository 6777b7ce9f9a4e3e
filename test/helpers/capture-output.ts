import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * For tests that call a CLI command in-process: a fresh temp root for each test, stdout muted and
 * stderr collected, everything restored afterwards.
 */
export function useCommandSandbox(prefix: string): { root: () => string; stderr: () => string } {
  let root = '';
  let stderr = '';
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), prefix));
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(root, { recursive: true, force: true });
  });
  return { root: () => root, stderr: () => stderr };
}
