/**
 * One measured child process: wall time and peak resident memory of the whole process tree
 * (the Node process, its worker threads, and children such as the Pagefind binary), sampled from
 * /proc every 25 ms. The Node process's own high-water mark (VmHWM) is read on each sample too, so
 * a short spike between samples of the main process is not missed (treeMemory).
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
  let previousHwm = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = treeStatus(child.pid);
    if (!tree) return;
    peak = Math.max(peak, treeMemory(tree, previousHwm));
    previousHwm = tree.hwm;
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

/** The resident memory of a process tree at one sample, in bytes. */
export interface TreeStatus {
  /** The main process: its VmRSS now and its VmHWM, the highest VmRSS it ever had. */
  rss: number;
  hwm: number;
  /** Sum of VmRSS over its descendants. */
  descendants: number;
}

/**
 * The tree's memory at a sample: the main process, plus its descendants. When the main process's
 * high-water mark rose since the previous sample, it peaked between the samples and counts with
 * that peak; otherwise with its current RSS, so that an earlier peak (the render) is not added to
 * descendants that run only later (the Pagefind binary during the search index).
 */
export function treeMemory(tree: TreeStatus, previousHwm: number): number {
  return (tree.hwm > previousHwm ? tree.hwm : tree.rss) + tree.descendants;
}

function treeStatus(pid: number): TreeStatus | undefined {
  const main = readQuietly(`/proc/${pid}/status`);
  if (!main) return undefined;
  const descendants = descendantsOf(pid).reduce((sum, child) => sum + statusBytes(readQuietly(`/proc/${child}/status`) ?? '', 'VmRSS'), 0);
  return { rss: statusBytes(main, 'VmRSS'), hwm: statusBytes(main, 'VmHWM'), descendants };
}

/** Every process started by `pid`, and theirs, from /proc (Linux). */
export function descendantsOf(pid: number): number[] {
  const children = listQuietly(`/proc/${pid}/task`).flatMap((task) =>
    (readQuietly(`/proc/${pid}/task/${task}/children`) ?? '').trim().split(/\s+/).filter(Boolean).map(Number),
  );
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

function statusBytes(status: string, key: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
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
