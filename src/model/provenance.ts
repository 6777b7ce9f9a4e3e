/**
 * Which minute's analysis a piece of the model was made from, when it was made from one minute
 * alone (an update, a mention). The analysis is named by the cache key of the minute's file — its
 * bytes, path, registers and analysis code (model code included) — the id its stored text carries:
 * equal ids, equal pieces. A later stage can then tell that a piece did not change without looking
 * at its content (the open data copies it, a page hash takes the id for it). A minute analysed
 * without a cache has no such id.
 */
import { textStoreOf } from './stored-text.ts';
import type { RenderedText } from './types.ts';

/** The id of the analysis a minute's text was made by. */
export function analysisOf(body: RenderedText): string | undefined {
  return textStoreOf(body)?.id;
}

const SOURCES = new WeakMap<object, string>();

/** Marks `value` as made from one minute's analysis alone. */
export function madeFrom<T extends object>(value: T, analysis: string | undefined): T {
  if (analysis !== undefined) SOURCES.set(value, analysis);
  return value;
}

/** The analysis `value` was made from alone, if it was. */
export function analysisBehind(value: object): string | undefined {
  return SOURCES.get(value);
}
