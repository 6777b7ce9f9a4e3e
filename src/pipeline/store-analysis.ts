import type { FileAnalysis } from './analyze-file.ts';
import type { FileCache } from './cache.ts';
import { textEntry } from './text-entry.ts';

/** Writes what was analysed of a file under its key: summary, body and text, as far as there are. */
export async function storeAnalysis(cache: FileCache, key: string, { summary, body, text }: Partial<FileAnalysis>): Promise<void> {
  await Promise.all([
    summary && cache.put(key, 's', summary),
    body && cache.put(key, 'b', body),
    text && cache.putText(key, 't', textEntry(text)),
  ]);
}
