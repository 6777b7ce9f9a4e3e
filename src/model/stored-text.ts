/**
 * A minute's text (Markdown, plain text and HTML: about 18 KB a minute, 180 MB at 10,000 minutes)
 * that stays in the cache until something reads it. A warm build renders a handful of meeting
 * pages; for every other page it only needs to know whether the text changed, and the text's id
 * (the cache key of the file it was made from) says that without reading it.
 *
 * To everything else it is a RenderedText: its three members are enumerable getters, so JSON,
 * structuredClone and deep equality see the text itself.
 */
import type { RenderedText } from './types.ts';

export interface TextStore {
  /** Equal ids, equal texts. */
  id: string;
  load(): RenderedText;
  /**
   * The text as the open data writes it — compact JSON of its Markdown and plain text, without the
   * HTML — taken from the store as it is (UTF-8 bytes), not parsed and written again.
   */
  openJson(): string | Buffer;
  /** The HTML alone, when the store can read it without the rest (a meeting page needs no more). */
  html?(): string;
}

const STORE = Symbol('text store');

export function storedText(store: TextStore): RenderedText {
  let recent: WeakRef<RenderedText> | undefined;
  // A page or a JSON writer reads the members one after another: one load serves them all, and
  // it is garbage once they are read (a WeakRef keeps its target at least until the current job ends).
  const value = (): RenderedText => {
    const known = recent?.deref();
    if (known) return known;
    const loaded = store.load();
    recent = new WeakRef(loaded);
    return loaded;
  };
  const text = {} as RenderedText;
  Object.defineProperties(text, {
    markdown: { enumerable: true, get: () => value().markdown },
    text: { enumerable: true, get: () => value().text },
    html: { enumerable: true, get: () => recent?.deref()?.html ?? store.html?.() ?? value().html },
    [STORE]: { value: store },
  });
  return text;
}

/** The store behind a stored text; undefined for a text held in memory. */
export function textStoreOf(text: unknown): TextStore | undefined {
  return text !== null && typeof text === 'object' ? (text as { [STORE]?: TextStore })[STORE] : undefined;
}
