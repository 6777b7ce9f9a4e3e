/**
 * One measured child process: wall time and peak resident memory of the whole process tree
 * (the Node process, its worker threads, and children such as the Pagefind binary), sampled from
 * /proc every 25 ms. The Node process's own high-water mark (VmHWM) is read on each sample too, so
 * a short spike between samples of the main process is not missed.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measurement {
  label: string;
  command: string;
  /** Wall time in seconds. */
  seconds: number;
  /** Peak RSS of the process tree, summed over processes alive at the same sample, in bytes. */
  peakRss: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function measure(label: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measurement> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let peak = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    peak = Math.max(peak, treeRss(child.pid));
  };
  const timer = setInterval(sample, 25);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, command: [command, ...args].join(' '), seconds, peakRss: peak, exitCode, stdout, stderr };
}

/** Sum of VmRSS over a process and its descendants; the main process counts with its VmHWM. */
function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  let first = true;
  while (stack.length) {
    const current = stack.pop()!;
    const status = readQuietly(`/proc/${current}/status`);
    if (!status) continue;
    const key = first ? 'VmHWM' : 'VmRSS';
    first = false;
    const kb = Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    total += kb * 1024;
    for (const task of listQuietly(`/proc/${current}/task`)) {
      const children = readQuietly(`/proc/${current}/task/${task}/children`);
      if (children) for (const c of children.trim().split(/\s+/).filter(Boolean)) stack.push(Number(c));
    }
  }
  return total;
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function listQuietly(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
