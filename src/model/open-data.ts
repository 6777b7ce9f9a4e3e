import type { ArchiveModel, RenderedText } from './types.ts';

type WithoutHtml<T> = T extends RenderedText
  ? Omit<RenderedText, 'html'>
  : T extends readonly (infer U)[]
    ? WithoutHtml<U>[]
    : T extends object
      ? { [K in keyof T]: WithoutHtml<T[K]> }
      : T;

export type OpenData = WithoutHtml<ArchiveModel>;

/** The model as open data (data/archive.json, `minutes extract --format json`): HTML is the site's business. */
export function toOpenData(model: ArchiveModel): OpenData {
  return JSON.parse(JSON.stringify(model, (key, value) => (key === 'html' ? undefined : value))) as OpenData;
}
