import { toOpenData } from '../model/open-data.ts';
import type { ArchiveModel } from '../model/types.ts';

/**
 * The model as open data (/data/archive.json): the model stage's open-data shape (everything but
 * the rendered `html`, which belongs to the site), two-space indented, newline-terminated.
 */
export function openDataJson(model: ArchiveModel): string {
  return `${JSON.stringify(toOpenData(model), null, 2)}\n`;
}
