/**
 * What a job keeps with actions/cache must make its next build warm on a fresh runner. The runner
 * checks the repository out anew (every file written again) and restores the cached paths from a
 * tar archive, as actions/cache does (`tar --posix -cf … -P -C <workspace> --files-from <list>`,
 * then `tar -xf … -P -C <workspace>`): on GitHub at the same workspace path, on other CI systems
 * (concurrent runners, numbered workspaces) perhaps at another. Either way the build has to find
 * its previous site, or it renders and indexes the whole archive again on every pull request (at
 * 10,000 minutes ~35 s instead of 5–8 s, docs/performance.md).
 */
import { appendFileSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bash, cachedPaths, copyProject, readWorkflow } from './support.ts';

const { workflow } = readWorkflow();

/** The project's minutes, oldest first. */
function minuteFiles(project: string): string[] {
  return readdirSync(path.join(project, 'minutes'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => path.join(project, 'minutes', file));
}

const pageOf = (project: string, minute: string) => path.join(project, '_site', 'zapisy', path.basename(minute, '.md'), 'index.html');
const writtenAt = (file: string) => statSync(file, { bigint: true }).mtimeNs;

describe.each([
  ['check', 'the same workspace'],
  ['check', 'another workspace'],
  ['pages-build', 'the same workspace'],
  ['pages-build', 'another workspace'],
])('the cache of job %s, restored in %s', (id, where) => {
  const job = workflow.jobs[id]!;
  const build = job.steps.find((s) => /minutes build\b/.test(s.run ?? ''))!;
  // The Pages base path, as configure-pages would give it.
  const env = Object.fromEntries(Object.keys(build.env ?? {}).map((name) => [name, '/zapisy']));

  it(
    'lets the build on a fresh runner render only the minute that changed',
    async () => {
      const first = copyProject(`minutes-cache-${id}-`);
      const archive = `${first}.tar`;
      let runner = first;
      try {
        const built = await bash(build.run!, first, env);
        expect(built.code, built.stderr).toBe(0);
        const untouched = writtenAt(pageOf(first, minuteFiles(first)[0]!));

        const list = `${first}.paths`;
        writeFileSync(list, cachedPaths(job).join('\n'));
        const packed = await bash(`tar --posix -cf "${archive}" -P -C "${first}" --files-from "${list}"`, first, {});
        rmSync(list);
        expect(packed.code, packed.stderr).toBe(0);

        // A fresh runner: a new checkout, nothing the last build left but what the cache brings back.
        if (where === 'another workspace') {
          runner = copyProject(`minutes-cache-${id}-elsewhere-`);
        } else {
          for (const leftover of ['.cache', '_site', '._site.spare']) rmSync(path.join(first, leftover), { recursive: true, force: true });
          const checkedOut = new Date();
          for (const file of minuteFiles(first)) utimesSync(file, checkedOut, checkedOut);
        }
        const restored = await bash(`tar -xf "${archive}" -P -C "${runner}"`, runner, {});
        expect(restored.code, restored.stderr).toBe(0);
        const [oldest, ...rest] = minuteFiles(runner);
        const newest = rest.at(-1)!;
        appendFileSync(newest, '\nDoplněno po jednání: zápis schválen bez připomínek.\n');

        const rebuilt = await bash(build.run!, runner, env);
        expect(rebuilt.code, rebuilt.stderr).toBe(0);
        // The unchanged minute's page is the restored file itself (linked, not rendered again)…
        expect(writtenAt(pageOf(runner, oldest!))).toBe(untouched);
        // …and the changed one is new.
        expect(readFileSync(pageOf(runner, newest), 'utf8')).toContain('zápis schválen bez připomínek');
      } finally {
        for (const dir of new Set([first, runner])) rmSync(dir, { recursive: true, force: true });
        rmSync(archive, { force: true });
      }
    },
    240_000,
  );
});
