/**
 * The search shards a built site publishes, as the tests look at them: what the browser reads
 * (shards.json) joined with what the next build reads (shards-built.json), which must list the
 * same shards in the same order.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { MANIFEST_FILE, shardFolder, shardYears, type SearchManifest, type SearchManifestShard, type ShardRecordEntry } from '../../src/search/config.ts';
import { readShardRecordSync } from '../../src/search/index-site.ts';

export interface PublishedShard extends SearchManifestShard, ShardRecordEntry {
  from: number;
  to: number;
  /** Folder of its bundle, relative to the bundle folder. */
  path: string;
}

/** The manifest of the site `site` and its shards, newest first. */
export async function publishedShards(site: string): Promise<{ manifest: SearchManifest; shards: PublishedShard[] }> {
  const bundle = path.join(site, 'pagefind');
  const manifest = JSON.parse(await readFile(path.join(bundle, MANIFEST_FILE), 'utf8')) as SearchManifest;
  const record = readShardRecordSync(bundle);
  expect(record?.shards.map((s) => s.id), 'the build record lists the manifest’s shards').toEqual(manifest.shards.map((s) => s.id));
  const shards = manifest.shards.map((shard, i) => ({ ...shard, ...record!.shards[i]!, ...shardYears(shard), path: shardFolder(shard) }));
  return { manifest, shards };
}
