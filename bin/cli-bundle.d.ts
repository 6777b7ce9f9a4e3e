// Types of cli-bundle.js, which stays plain JavaScript: it runs before anything can compile TypeScript.
import type { Plugin } from 'esbuild';

export const UNBUNDLED: string[];
export const REQUIRE_SHIM: string;
export function loadCli(): Promise<{ main(args: string[]): Promise<number> }>;
export function codeVersion(repo?: string): string;
export function workerBundleDir(version?: string): string;
export function markBundleUsed(dir: string): void;
export function bundlePlugins(esbuild: typeof import('esbuild')): Plugin[];
