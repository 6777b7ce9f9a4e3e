/**
 * What a job keeps with actions/cache must make its next build warm on a fresh runner. The runner
 * checks the repository out anew (every file written again) at the same workspace path and
 * restores the cached paths from a tar archive, as actions/cache does (`tar --posix -cf … -P -C
 * <workspace> --files-from <list>`, then `tar -xf … -P -C <workspace>`). The build then has to
 * find its previous site where it left it, or it renders and indexes the whole archive again on
 * every pull request (at 10,000 minutes ~40 s instead of ~7 s, docs/performance.md).
 */
import { appendFileSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bash, cachedPaths, copyProject, readWorkflow } from './support.ts';

const { workflow } = readWorkflow();

function minuteFiles(project: string): string[] {
  return readdirSync(path.join(project, 'minutes'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => path.join(project, 'minutes', file));
}

const pageOf = (project: string, minute: string) => path.join(project, '_site', 'zapisy', path.basename(minute, '.md'), 'index.html');
const writtenAt = (file: string) => statSync(file, { bigint: true }).mtimeNs;

describe.each(['check', 'pages-build'])('the cache of job %s', (id) => {
  const job = workflow.jobs[id]!;
  const build = job.steps.find((s) => /minutes build\b/.test(s.run ?? ''))!;
  // The Pages base path, as configure-pages would give it.
  const env = Object.fromEntries(Object.keys(build.env ?? {}).map((name) => [name, '/zapisy']));

  it(
    'restored on a fresh runner, lets the build render only the minute that changed',
    async () => {
      const project = copyProject(`minutes-cache-${id}-`);
      const archive = `${project}.tar`;
      try {
        const first = await bash(build.run!, project, env);
        expect(first.code, first.stderr).toBe(0);
        const [oldest, ...rest] = minuteFiles(project);
        const newest = rest.at(-1)!;
        const untouched = writtenAt(pageOf(project, oldest!));

        const list = path.join(path.dirname(project), `${path.basename(project)}.paths`);
        writeFileSync(list, cachedPaths(job).join('\n'));
        const packed = await bash(`tar --posix -cf "${archive}" -P -C "${project}" --files-from "${list}"`, project, {});
        rmSync(list);
        expect(packed.code, packed.stderr).toBe(0);

        // A fresh runner: a new checkout, nothing the last build left but what the cache brings back.
        for (const leftover of ['.cache', '_site', '._site.spare']) rmSync(path.join(project, leftover), { recursive: true, force: true });
        const checkedOut = new Date();
        for (const file of minuteFiles(project)) utimesSync(file, checkedOut, checkedOut);
        const restored = await bash(`tar -xf "${archive}" -P -C "${project}"`, project, {});
        expect(restored.code, restored.stderr).toBe(0);
        appendFileSync(newest, '\nDoplněno po jednání: zápis schválen bez připomínek.\n');

        const second = await bash(build.run!, project, env);
        expect(second.code, second.stderr).toBe(0);
        // The unchanged minute's page is the restored file itself (linked, not rendered again)…
        expect(writtenAt(pageOf(project, oldest!))).toBe(untouched);
        // …and the changed one is new.
        expect(readFileSync(pageOf(project, newest), 'utf8')).toContain('zápis schválen bez připomínek');
      } finally {
        rmSync(project, { recursive: true, force: true });
        rmSync(archive, { force: true });
      }
    },
    240_000,
  );
});
