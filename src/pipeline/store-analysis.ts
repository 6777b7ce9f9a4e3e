import type { FileAnalysis } from './analyze-file.ts';
import type { FileCache } from './cache.ts';
import { textEntry } from './text-entry.ts';

/**
 * Writes what was analysed of a file under its key: summary, body and text, as far as there are.
 * Says whether the text is in the cache now, to be read from there when a page shows it.
 */
export function storeAnalysis(cache: FileCache, key: string, { summary, body, text }: Partial<FileAnalysis>): { textStored: boolean } {
  if (summary) cache.put(key, 's', summary);
  if (body) cache.put(key, 'b', body);
  return { textStored: text ? cache.putText(key, 't', textEntry(text)) : false };
}
