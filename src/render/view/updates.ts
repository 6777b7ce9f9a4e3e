/** Organizations' updates as meeting pages and organization pages show them. */
import { sourceOf } from '../../model/provenance.ts';
import type { UpdateModel } from '../../model/types.ts';
import { sharedInPages } from '../shared-in-pages.ts';
import type { Cards } from './cards.ts';
import type { Links } from './links.ts';
import { madeOnce } from './order.ts';
import type { UpdateView } from './types.ts';

/**
 * The one view of each update. A page hash knows it by its source (model/provenance.ts) or else
 * its texts, rather than by its excerpt (which follows from the text and the render code), so the
 * excerpt is made only for a page that shows it.
 */
export function updateViews(cards: Cards, links: Links): (update: UpdateModel) => UpdateView {
  return madeOnce((u: UpdateModel): UpdateView => {
    let shortened: string | undefined;
    const view = { organization: links.org(u.organization), html: u.content.html, meeting: cards.of(u.meeting) } as UpdateView;
    Object.defineProperty(view, 'excerpt', { enumerable: true, get: () => (shortened ??= excerpt(u.content.text)) });
    return sharedInPages(view, () => [sourceOf(u) ?? [view.html, u.content.text], view.organization, view.meeting]);
  });
}

/** The first sentence, cut at a word boundary to about `max` characters. */
export function excerpt(text: string, max = 150): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(clean)?.[1] ?? clean;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:–-]+$/, '')}…`;
}
