import type { Root, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { fastHtmlOf } from './fast-html.ts';

// Raw HTML in a minute is dropped (not passed through) and the result is sanitized with GitHub's
// schema: no script, event handler, javascript: URL or frame from a minute ever reaches the page.
const toHtml = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

/** HTML of mdast nodes of the one parse: the body of a minute, an update, a decision. */
export function htmlOf(nodes: readonly RootContent[]): string {
  const own = nodes.filter((node) => node.type !== 'yaml');
  return fastHtmlOf(own)?.trim() ?? pipelineHtmlOf(own);
}

/** htmlOf through the unified pipeline, whatever the nodes: what fast-html.ts is held to. */
export function pipelineHtmlOf(nodes: readonly RootContent[]): string {
  const root: Root = { type: 'root', children: nodes.filter((node) => node.type !== 'yaml') as RootContent[] };
  return toHtml.stringify(toHtml.runSync(root)).trim();
}
