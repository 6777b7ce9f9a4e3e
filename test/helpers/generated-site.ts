import path from 'node:path';
import { generateArchive, type GenerateOptions } from '../../src/bench/generate.ts';
import { buildSite, type BuildSiteOptions } from '../../src/cli/build.ts';
import { REPO_ROOT } from '../../src/search/evaluate.ts';

/**
 * A generated archive in `work`/archive built into `work`/site (served at "/"); the site's path.
 * A build that reports a problem fails the calling test's setup with the messages.
 */
export async function generatedSite(
  work: string,
  archive: Pick<GenerateOptions, 'minutes' | 'groups' | 'seed'>,
  build: Partial<BuildSiteOptions> = {},
): Promise<string> {
  const generated = await generateArchive({ root: path.join(work, 'archive'), repoRoot: REPO_ROOT, ...archive });
  const site = path.join(work, 'site');
  const built = await buildSite({ root: generated.root, outDir: site, basePath: '/', ...build });
  if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
  return site;
}
