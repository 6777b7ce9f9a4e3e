import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Data, type Processor } from 'unified';

/** An mdast-util-from-markdown extension, as remark-parse types the processor's data. */
type FromMarkdownExtension = Exclude<NonNullable<Data['fromMarkdownExtensions']>[number], unknown[]>;

/**
 * What every pattern of GFM's literal-autolink transform needs in a text node to match: a URL
 * starts with http://, https:// or www.; an e-mail, mailto: and xmpp: address has an @.
 */
const MAY_HOLD_LITERAL_LINK = /@|www\.|https?:\/\//i;

function mayHoldLiteralLink(node: Nodes): boolean {
  if (node.type === 'text') return MAY_HOLD_LITERAL_LINK.test(node.value);
  return 'children' in node && node.children.some((child) => mayHoldLiteralLink(child as Nodes));
}

/**
 * remark-gfm turns bare URLs and e-mail addresses into links after the parse, with a transform
 * that walks every text node through mdast-util-find-and-replace: a tenth of a minute's parse,
 * though most minutes contain no such address. This runs that transform only on a tree with a
 * text node that could hold one; the tree is the same either way. Should a later remark-gfm
 * change its extension's shape, nothing is wrapped and the transform runs as before.
 */
function skipIdleAutolinkTransform(this: Processor): void {
  const extensions = this.data('fromMarkdownExtensions');
  const wrap = (extension: FromMarkdownExtension): FromMarkdownExtension =>
    extension.enter?.literalAutolink && extension.transforms
      ? {
          ...extension,
          transforms: extension.transforms.map((transform) => (tree: Root) => (mayHoldLiteralLink(tree) ? transform(tree) : undefined)),
        }
      : extension;
  if (extensions) this.data('fromMarkdownExtensions', extensions.map((e) => (Array.isArray(e) ? e.map(wrap) : wrap(e))));
}

/** One processor for the whole run: minutes are CommonMark + GFM (task lists, tables) with YAML frontmatter. */
export const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(skipIdleAutolinkTransform)
  .freeze();
