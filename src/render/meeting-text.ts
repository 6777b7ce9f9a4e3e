/**
 * A minute's text as its meeting page shows it. The HTML is made when the page is rendered, not
 * when the view is built: a warm build renders a handful of meeting pages, and a stored text
 * (model/stored-text.ts) is then read from the cache for those only.
 */
import { textStoreOf } from '../model/stored-text.ts';
import type { RenderedText } from '../model/types.ts';

export class MeetingText {
  constructor(private readonly source: RenderedText) {}

  get html(): string {
    return markBareLinks(this.source.html);
  }

  /**
   * What the page's data hash (render/incremental.ts) sees of the text: the stored text's id,
   * which changes whenever the text does, or the HTML itself. The way `html` is made from the
   * source is render code, covered by the renderer fingerprint.
   */
  toJSON(): string {
    return textStoreOf(this.source)?.id ?? this.source.html;
  }
}

/**
 * Marks links whose text is their own address (autolinks like "https://mapaexekuci.cz/") with
 * class="bare-link", so print shows the address once. The HTML is the model's sanitized output of
 * rehype-stringify, whose links always read <a href="…">…</a>; nothing else is touched.
 */
export function markBareLinks(html: string): string {
  return html.replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (whole, href: string, text: string) => {
    const bare = text === href || `mailto:${text}` === href || `${text}/` === href;
    return bare ? `<a href="${href}" class="bare-link">${text}</a>` : whole;
  });
}
