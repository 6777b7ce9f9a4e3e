import { existsSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles } from '../read/discover.ts';
import type { ProjectPaths } from '../registers/project.ts';

/** The minutes to check: the given files (and folders), or every Markdown file under minutes/. */
export async function archiveTargets(paths: ProjectPaths, files?: readonly string[]): Promise<string[]> {
  return files?.length
    ? discoverFiles(files.map((file) => path.resolve(file)), (name) => name.toLowerCase().endsWith('.md'))
    : existsSync(paths.minutes)
      ? discoverFiles([paths.minutes], (name) => name !== 'README.md')
      : [];
}
