/**
 * The file-local part of the model: everything buildModel needs from a minute's mdast, made right
 * after extraction while the tree is at hand (in a worker thread, and stored in the cache's body
 * entry). The tree is then dropped, so the archive-wide model never holds 10,000 trees at once.
 */
import type { ExtractedContent, ExtractedMention, ExtractedMinute, ExtractedUpdate } from '../extract/types.ts';
import type { ParsedMinute } from '../parse/parse-minute.ts';
import { htmlOf } from './html.ts';
import { sha1 } from './sha1.ts';
import { textOfHtml } from './text-of-html.ts';
import type { RenderedText } from './types.ts';

/** Extracted content with its nodes made into sanitized HTML; `text` stays extraction's plain text. */
export interface ContentHtml {
  markdown: string;
  text: string;
  html: string;
}

/**
 * An extracted update or mention and a digest of all of it (its texts, organization and place):
 * equal digests, equal items. Made here, where a minute is analysed (and kept in the cache), so a
 * build can tell an unchanged update or mention in a changed minute from a changed one without
 * reading it (provenance.ts).
 */
export type Digested<T> = T & { digest: string };

/** The extracted data of a minute as the model takes it: content as HTML, updates and mentions digested. */
export interface ExtractedPart extends Omit<ExtractedMinute<ContentHtml>, 'updates' | 'mentions'> {
  updates: Digested<ExtractedUpdate<ContentHtml>>[];
  mentions: Digested<ExtractedMention>[];
}

export interface MinutePart {
  extracted: ExtractedPart;
  /** The minute's body below the frontmatter. */
  body: RenderedText;
}

export function modelMinutePart(parsed: Pick<ParsedMinute, 'tree' | 'source'>, extracted: ExtractedMinute): MinutePart {
  const nodes = parsed.tree.children.filter((node) => node.type !== 'yaml');
  const start = nodes[0]?.position?.start.offset ?? parsed.source.text.length;
  const html = htmlOf(nodes);
  return {
    extracted: {
      ...extracted,
      updates: extracted.updates.map((update) => digestedUpdate({ ...update, content: contentHtml(update.content) })),
      mentions: extracted.mentions.map((mention) => ({ ...mention, digest: sha1(JSON.stringify(mention), 'base64') })),
      decisions: extracted.decisions.map((decision) => ({ ...decision, content: contentHtml(decision.content) })),
    },
    body: { markdown: parsed.source.text.slice(start).trim(), text: textOfHtml(html), html },
  };
}

function contentHtml({ markdown, text, nodes }: ExtractedContent): ContentHtml {
  return { markdown, text, html: htmlOf(nodes) };
}

/**
 * Its texts as they are, each after its length, and everything else as JSON: JSON.stringify of the
 * texts themselves (some 45 MB at 10,000 minutes) cost more than the hashing.
 */
export function digestedUpdate(update: ExtractedUpdate<ContentHtml>): Digested<ExtractedUpdate<ContentHtml>> {
  const texts = [update.content.markdown, update.content.text, update.content.html].map((text) => `${text.length}:${text}`).join('');
  return { ...update, digest: sha1(`${JSON.stringify({ ...update, content: null })}${texts}`, 'base64') };
}

/** What the model shows of a piece of content: extraction's plain text, or the HTML's when it has none. */
export function renderedText(content: ContentHtml): RenderedText {
  return { markdown: content.markdown, text: content.text || textOfHtml(content.html), html: content.html };
}
