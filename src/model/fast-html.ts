/**
 * The HTML of the plain constructs of a minute, written directly: exactly what remark-rehype,
 * rehype-sanitize (GitHub's schema) and rehype-stringify make of them (html.ts), at a fraction of
 * the cost: the pipeline was 13 % of a minute's analysis, building, sanitizing and serializing a
 * hast tree for a few paragraphs and lists. It knows paragraphs, ATX headings, thematic breaks,
 * lists and task lists, text, emphasis, strong, hard breaks and links whose address the sanitizer
 * keeps — what the fast parse (parse/fast-markdown.ts) gives — and gives up on anything else, which
 * then goes through the pipeline. test/model/fast-html.test.ts holds it to the pipeline's output.
 *
 * Each function mirrors one handler of mdast-util-to-hast 13 (named after it) and the
 * serialization of hast-util-to-html 9 with its default settings.
 */
import type { List, ListItem, Nodes, PhrasingContent, RootContent } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { trimLines } from 'trim-lines';

/** One hast node made from an mdast node, serialized; a `<p>` keeps its content apart (list items unwrap it). */
type Out = { kind: 'p'; inner: string } | { kind: 'text'; html: string } | { kind: 'element'; html: string };

/** Thrown when a node is not one this knows: the pipeline writes the HTML instead. */
class Unsupported extends Error {}

/** The HTML html.ts would give for `nodes`, or undefined when the pipeline must write it. */
export function fastHtmlOf(nodes: readonly RootContent[]): string | undefined {
  try {
    // root: the children's nodes one per line; htmlOf trims the whole.
    return all(nodes).map(serialize).join('\n');
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function serialize(out: Out): string {
  return out.kind === 'p' ? `<p>${out.inner}</p>` : out.html;
}

/** state.all: each child's nodes; what follows a hard break loses the spaces it starts with. */
function all(children: readonly Nodes[]): Out[] {
  const outs: Out[] = [];
  for (let index = 0; index < children.length; index++) {
    const afterBreak = index > 0 && children[index - 1]!.type === 'break';
    outs.push(...one(children[index]!, afterBreak));
  }
  return outs;
}

function one(node: Nodes, afterBreak: boolean): Out[] {
  if ('data' in node && node.data !== undefined && Object.keys(node.data).length > 0) throw new Unsupported();
  switch (node.type) {
    case 'text':
      return [{ kind: 'text', html: escapeText(afterBreak ? trimSpaceStart(trimLines(node.value)) : trimLines(node.value)) }];
    case 'paragraph':
      return [{ kind: 'p', inner: phrasing(node.children, afterBreak) }];
    case 'heading':
      return [element(`h${node.depth}`, phrasing(node.children, afterBreak))];
    case 'emphasis':
      return [element('em', phrasing(node.children, afterBreak))];
    case 'strong':
      return [element('strong', phrasing(node.children, afterBreak))];
    case 'link':
      return [link(node.url, node.title, phrasing(node.children, afterBreak))];
    case 'break':
      // An element and a line ending: two nodes, so nothing after it is trimmed as its first child.
      return [{ kind: 'element', html: '<br>' }, { kind: 'text', html: '\n' }];
    case 'thematicBreak':
      return [{ kind: 'element', html: '<hr>' }];
    case 'list':
      return [list(node)];
    default:
      throw new Unsupported();
  }
}

/**
 * The content of an element; an element right after a hard break loses the spaces its first
 * child starts with when that child is text (escaping leaves leading spaces as they are).
 */
function phrasing(children: readonly PhrasingContent[], afterBreak: boolean): string {
  const outs = all(children);
  const first = outs[0];
  if (afterBreak && first?.kind === 'text') outs[0] = { kind: 'text', html: trimSpaceStart(first.html) };
  return outs.map(serialize).join('');
}

function element(tag: string, content: string, attributes = ''): Out {
  return { kind: 'element', html: `<${tag}${attributes}>${content}</${tag}>` };
}

function link(url: string, title: string | null | undefined, content: string): Out {
  const href = normalizeUri(url);
  if (!keepsHref(href)) throw new Unsupported();
  const titled = title === null || title === undefined ? '' : ` title="${escapeAttribute(title)}"`;
  return element('a', content, ` href="${escapeAttribute(href)}"${titled}`);
}

/** GitHub's schema keeps an address with no protocol, or with one of these (hast-util-sanitize's safeProtocol). */
const SAFE_PROTOCOLS = ['http', 'https', 'irc', 'ircs', 'mailto', 'xmpp'];

function keepsHref(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon < 0) return true;
  for (const mark of ['/', '?', '#']) {
    const at = url.indexOf(mark);
    if (at > -1 && colon > at) return true;
  }
  return SAFE_PROTOCOLS.includes(url.slice(0, colon));
}

/** list: its items one per line between line endings; `start` unless 1; a class when it holds a task. */
function list(node: List): Out {
  const loose = node.spread === true || node.children.some(itemLoose);
  const items = node.children.map((item) => listItem(item, loose));
  const start = typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
  const tasks = node.children.some((item) => typeof item.checked === 'boolean') ? ' class="contains-task-list"' : '';
  const content = items.length ? `\n${items.join('\n')}\n` : '\n';
  return element(node.ordered ? 'ol' : 'ul', content, start + tasks);
}

function itemLoose(item: ListItem): boolean {
  return item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread;
}

/** listItem: a tight item's paragraphs unwrapped; a task's checkbox at the head of its first paragraph. */
function listItem(item: ListItem, loose: boolean): string {
  const results = all(item.children);
  const task = typeof item.checked === 'boolean';
  if (task) {
    const checkbox = `<input type="checkbox"${item.checked ? ' checked' : ''} disabled>`;
    const head = results[0];
    if (head?.kind === 'p') results[0] = { kind: 'p', inner: checkbox + (head.inner ? ' ' + head.inner : '') };
    else results.unshift({ kind: 'p', inner: checkbox });
  }
  let content = '';
  results.forEach((result, index) => {
    if (loose || index !== 0 || result.kind !== 'p') content += '\n';
    content += result.kind === 'p' && !loose ? result.inner : serialize(result);
  });
  const tail = results[results.length - 1];
  if (tail && (loose || tail.kind !== 'p')) content += '\n';
  return serialize(element('li', content, task ? ' class="task-list-item"' : ''));
}

/** mdast-util-to-hast's trimMarkdownSpaceStart. */
function trimSpaceStart(value: string): string {
  let index = 0;
  while (value[index] === ' ' || value[index] === '\t') index++;
  return value.slice(index);
}

const REFERENCES: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '"': '&#x22;', "'": '&#x27;', '`': '&#x60;', '\0': '&#x0;' };
const reference = (character: string) => REFERENCES[character]!;

/** hast-util-to-html's text: `<` and `&` as hexadecimal references. */
function escapeText(value: string): string {
  return value.replace(/[&<]/g, reference);
}

/** hast-util-to-html's double-quoted attribute value. */
function escapeAttribute(value: string): string {
  return value.replace(/[\0"&'`]/g, reference);
}
