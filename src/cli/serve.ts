import { watch } from 'node:fs';
import path from 'node:path';
import { projectPaths } from '../registers/project.ts';
import { DEFAULT_CACHE_DIR } from '../pipeline/cache.ts';
import { buildSiteReporting } from './build.ts';
import { parseOptions } from './main.ts';
import { resolveRoot } from './root.ts';
import { UsageError } from './usage.ts';
import { watchTree } from './watch-tree.ts';

/**
 * `minutes serve`: builds the site, serves it on localhost and rebuilds it (then reloads open
 * pages) whenever a minute, an organization, the configuration or a template changes. Runs until
 * Ctrl+C. A rebuild with errors keeps serving the last good site.
 */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    port: { type: 'string', default: '8080' },
    out: { type: 'string', default: '_site' },
    base: { type: 'string', default: '/' },
    root: { type: 'string' },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Neplatný port „${values.port}“.`);
  const root = resolveRoot(values.root as string | undefined);
  const outDir = path.resolve(root, values.out as string);
  const basePath = values.base as string;
  const { startServer } = await import('../render/dev-server.ts');
  const { TEMPLATES_DIR } = await import('../render/render-site.ts');

  // With the cache an edit re-renders only the pages it changes and re-indexes only its shard.
  const build = () => buildSiteReporting({ root, outDir, basePath, cacheDir: DEFAULT_CACHE_DIR });
  await build();
  let server;
  try {
    server = await startServer({ root: outDir, basePath, port, host: 'localhost', liveReload: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `✖ Port ${port} je obsazený. Zkuste jiný: minutes serve --port ${port + 1}\n`
        : `✖ Server nelze spustit: ${(error as Error).message}\n`,
    );
    return 1;
  }
  process.stdout.write(`Web běží na ${server.url} — změny zápisů se projeví samy. Ukončíte ho klávesami Ctrl+C.\n`);

  // Rebuilds never overlap: a change during a build schedules exactly one more.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        process.stdout.write('Změna v archivu, sestavuji web znovu…\n');
        const result = await build();
        if (result.ok) server.reload();
      } while (again);
    })();
    await running;
    running = undefined;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 150);
  };

  const paths = projectPaths(root);
  const tree = watchTree([paths.minutes, paths.organizations, TEMPLATES_DIR], schedule);
  // The configuration is watched through its folder: editors replace files on save.
  const configWatcher = watch(root, (_event, name) => {
    if (name && path.basename(String(name)) === path.basename(paths.config)) schedule();
  });

  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      clearTimeout(timer);
      tree.close();
      configWatcher.close();
      void server.close().then(() => {
        process.stdout.write('Server zastaven.\n');
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
