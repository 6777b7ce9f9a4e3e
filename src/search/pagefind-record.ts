/**
 * A page as Pagefind's own HTML parser would read it, made here so the page can be handed to
 * Pagefind as a custom record (`addCustomRecord`) instead of as HTML (`addHTMLFile`). The index is
 * byte for byte the one Pagefind builds from the HTML (test/search/pagefind-record.test.ts checks
 * it against Pagefind on whole sites), but Pagefind parses no HTML and this process sends it text
 * instead of whole pages: on a shard of 387 pages Pagefind's service spent 0.3 s adding them
 * instead of 0.7 s.
 *
 * This follows Pagefind 1.x's parser (pagefind/src/fossick/parser.rs): the text of the
 * data-pagefind-body elements, minus data-pagefind-ignore parts and the elements Pagefind always
 * leaves out; block elements become sentences (a full stop where the text ends in a word);
 * headings carry Pagefind's weight markers, which it reads out of a custom record's content as
 * out of its own digest; filters, sort keys and metadata from their attributes. Element ids are
 * left out: Pagefind would keep each as an anchor in the page's fragment, for sub-results the site
 * never shows (without them the five fragments of a first search are ~600 bytes smaller). The pages
 * are our own Eleventy output, every element closed, so a tag scanner is enough.
 */
import { pushTo } from '../pipeline/group-by.ts';
import { decodeEntities } from './html-entities.ts';
import { HtmlTokens, TokenKind } from './html-tokens.ts';
import { collapsed, digestText, normalized } from './pagefind-text.ts';

export interface PagefindRecord {
  /** Pagefind's digest of the page: words, sentence stops and weight markers. */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Closing one of these ends a sentence. */
const SENTENCE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
/** Never indexed, wherever they stand. */
const LEFT_OUT = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
const HEADING_WEIGHT: Record<string, string> = { h1: '7', h2: '6', h3: '5', h4: '4', h5: '3', h6: '2' };
/**
 * Pagefind would run the text of these together with what follows them ("Datumpondělí"); a space
 * after their end keeps the words apart (separateWords did that on the HTML), and so after a span
 * followed by a span ("Odpovídá: Jana Nováková" + "Termín: …").
 */
const SEPARATED = new Set(['dt', 'dd', 'th', 'td', 'caption']);
/** Rust's `[\w'")$*]`: a text ending in one of these gets a full stop when its block ends. */
const SENTENCE_END = /^[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d'")$*]$/u;

/** Whether `text` ends in a word, tested on its last character alone (a regex anchored at the end would scan all of it). */
function endsSentence(text: string): boolean {
  if (text.length === 0) return false;
  const last = text.codePointAt(text.length - 1)!;
  // The low half of a surrogate pair: the character starts one code unit earlier.
  const char = last >= 0xdc00 && last <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
  return SENTENCE_END.test(char);
}

const enum Status {
  Indexing,
  Ignored,
  Excluded,
  Body,
  ParentOfBody,
}

interface Node {
  name: string;
  text: string;
  status: Status;
  filter?: string[];
  sort?: string[];
  meta?: string[];
  weight?: string;
}

const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The record of a page; undefined when the page has no data-pagefind-body. */
export function pagefindRecord(html: string): PagefindRecord | undefined {
  const root: Node = { name: '', text: '', status: Status.Indexing };
  const stack: Node[] = [root];
  const found = { filters: new Map<string, string[]>(), sort: new Map<string, string>(), meta: new Map<string, string>() };
  const tokens = new HtmlTokens(html);
  while (tokens.next()) {
    if (tokens.kind !== TokenKind.Tag) {
      if (tokens.kind === TokenKind.Text) stack.at(-1)!.text += html.slice(tokens.start, tokens.end);
      continue;
    }
    const name = html.slice(tokens.nameStart, tokens.nameEnd).toLowerCase();
    if (tokens.closing) {
      const at = findLast(stack, name);
      if (at <= 0) continue;
      while (stack.length > at) close(stack.pop()!, stack.at(-1)!, found);
      if (separatedFromNext(name, html, tokens.end)) stack.at(-1)!.text += ' ';
      continue;
    }
    const attributeText = html.slice(tokens.nameEnd, tokens.end - 1);
    const parent = stack.at(-1)!;
    const attributes = attributeText.includes('data-pagefind') ? pagefindAttributes(attributeText) : undefined;
    const node = open(name, attributes, parent);
    if (VOID.has(name) || attributeText.endsWith('/')) {
      if (name === 'br' && node.status !== Status.Excluded) parent.text += ' ';
      // An element without content: only its filters, sort keys and metadata count.
      if (node.status !== Status.Excluded) {
        attach(node, found);
        if (name === 'img') imageAfterTitle(attributeText, found);
      }
      continue;
    }
    stack.push(node);
    if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = tokens.end;
      const ended = end.exec(html);
      node.text += html.slice(tokens.end, ended ? ended.index : html.length);
      tokens.end = ended ? ended.index : html.length;
    }
  }
  // Elements left open are closed into their parents, as Pagefind does at the end of a page.
  for (let i = stack.length - 1; i > 0; i--) collapse(stack[i]!, stack[i - 1]!);
  if (root.status !== Status.ParentOfBody) return undefined;
  const meta = found.meta;
  const autoTitle = meta.get(AUTO_TITLE);
  const autoPageTitle = meta.get(AUTO_PAGE_TITLE);
  meta.delete(AUTO_TITLE);
  meta.delete(AUTO_PAGE_TITLE);
  if (!meta.has('title') && autoTitle !== undefined) meta.set('title', autoTitle);
  if (!meta.has('title') && autoPageTitle !== undefined) meta.set('title', autoPageTitle);
  const image = meta.get(AUTO_IMAGE);
  const imageAlt = meta.get(AUTO_IMAGE_ALT) ?? '';
  meta.delete(AUTO_IMAGE);
  meta.delete(AUTO_IMAGE_ALT);
  if (image !== undefined && !meta.has('image')) {
    meta.set('image', image);
    meta.set('image_alt', imageAlt);
  }
  return {
    content: digestText(root.text),
    meta: Object.fromEntries(meta),
    filters: Object.fromEntries(found.filters),
    sort: Object.fromEntries(found.sort),
  };
}

/**
 * The record with one more data-pagefind-body element at the end of the page holding `text` (as
 * plain text): what Pagefind would read from the page with that element added.
 */
export function withBodyBlock(record: PagefindRecord, text: string): PagefindRecord {
  const block = collapsed(` ${text}${endsSentence(text) ? '.' : ''} `);
  return block ? { ...record, content: `${record.content} ${block}` } : record;
}

/** The page's words as Pagefind indexes them, without its weight markers. */
export function recordWords(record: PagefindRecord): string[] {
  return record.content.split(' ').filter((word) => !(word.startsWith('___') && MARKER.test(word)));
}

const MARKER = /^___(?:PAGEFIND_ANCHOR___|PAGEFIND_WEIGHT___|PAGEFIND_AUTO_WEIGHT___|END_PAGEFIND_WEIGHT___)/;

const AUTO_TITLE = '\0auto_title';
const AUTO_PAGE_TITLE = '\0auto_page_title';
const AUTO_IMAGE = '\0auto_image';
const AUTO_IMAGE_ALT = '\0auto_image_alt';

/** Pagefind takes the first image after the title as the page's image. */
function imageAfterTitle(attributeText: string, found: Found): void {
  if (found.meta.has(AUTO_IMAGE) || !(found.meta.has(AUTO_TITLE) || found.meta.has('title'))) return;
  const attributes = attributesOf(attributeText);
  const src = attributes.get('src');
  if (src === undefined) return;
  found.meta.set(AUTO_IMAGE, decodeEntities(src));
  const alt = attributes.get('alt');
  if (alt !== undefined) found.meta.set(AUTO_IMAGE_ALT, decodeEntities(alt));
}

function separatedFromNext(name: string, html: string, at: number): boolean {
  if (html[at] !== '<') return false;
  if (SEPARATED.has(name)) return true;
  return name === 'span' && /^<span[\s>]/i.test(html.slice(at, at + 6));
}

interface Found {
  filters: Map<string, string[]>;
  sort: Map<string, string>;
  meta: Map<string, string>;
}

interface PagefindAttributes {
  body: boolean;
  ignore?: string;
  filter?: string;
  sort?: string;
  meta?: string;
  weight?: string;
}

function pagefindAttributes(text: string): PagefindAttributes {
  const found: PagefindAttributes = { body: false };
  for (const [name, value] of attributesOf(text)) {
    if (!name.startsWith('data-pagefind-')) continue;
    if (name === 'data-pagefind-body') found.body = true;
    else if (name === 'data-pagefind-ignore') found.ignore = value;
    else if (name === 'data-pagefind-filter') found.filter = value;
    else if (name === 'data-pagefind-sort') found.sort = value;
    else if (name === 'data-pagefind-meta') found.meta = value;
    else if (name === 'data-pagefind-weight') found.weight = value;
    else if (name === 'data-pagefind-index-attrs' || name === 'data-pagefind-default-meta') {
      // Not used by our templates; a page that starts using them must be indexed from its HTML.
      throw new Error(`atribut ${name} indexer nepodporuje`);
    }
  }
  return found;
}

/** An element's attributes by lower-case name, their values as written (entities not decoded). */
function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ATTRIBUTE.exec(text))) attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  return attributes;
}

function open(name: string, attributes: PagefindAttributes | undefined, parent: Node): Node {
  let status = Status.Indexing;
  if (attributes?.body) status = Status.Body;
  else if (attributes?.ignore !== undefined) status = ['', 'index', 'true'].includes(attributes.ignore.toLowerCase()) ? Status.Ignored : Status.Excluded;
  if (parent.status === Status.Excluded) status = Status.Excluded;
  // Pagefind marks the elements it always leaves out after deciding the rest, even over "all".
  if (LEFT_OUT.has(name)) status = Status.Ignored;
  const node: Node = { name, text: '', status };
  if (attributes?.filter !== undefined) node.filter = attributeList(attributes.filter);
  if (attributes?.sort !== undefined) node.sort = attributeList(attributes.sort);
  if (attributes?.meta !== undefined) node.meta = attributeList(attributes.meta);
  if (attributes?.weight !== undefined) node.weight = attributes.weight;
  return node;
}

/** Pagefind's parse_attr_string without attribute references ("name[attr]"), which our pages do not use. */
function attributeList(value: string): string[] {
  const colon = value.indexOf(':');
  if (colon < 0) return value.split(',').map((part) => part.trim());
  const names = attributeList(value.slice(0, colon));
  names[names.length - 1] += `:${value.slice(colon + 1)}`;
  return names;
}

function close(node: Node, parent: Node, found: Found): void {
  if (node.status === Status.Excluded) return;
  attach(node, found);
  if (node.name === 'h1' && !found.meta.has(AUTO_TITLE) && node.text.trim() !== '') found.meta.set(AUTO_TITLE, normalized(node.text));
  if (node.name === 'title' && !found.meta.has(AUTO_PAGE_TITLE)) found.meta.set(AUTO_PAGE_TITLE, normalized(node.text));
  if (node.status === Status.Ignored) return;
  let text = node.text;
  if (SENTENCE.has(node.name)) text = ` ${text}${endsSentence(text) ? '.' : ''} `;
  const weight = node.weight ?? HEADING_WEIGHT[node.name];
  if (weight !== undefined) text = ` ${node.weight === undefined ? '___PAGEFIND_AUTO_WEIGHT___' : '___PAGEFIND_WEIGHT___'}${weight} ${text} ___END_PAGEFIND_WEIGHT___ `;
  node.text = text;
  if (parent.status === Status.ParentOfBody && node.status !== Status.Body && node.status !== Status.ParentOfBody) return;
  adopt(node, parent);
}

/** What closing an element leaves in its parent, once its own text is final. */
function adopt(node: Node, parent: Node): void {
  if (node.status === Status.Indexing) {
    parent.text += node.text;
  } else if (node.status === Status.Body || node.status === Status.ParentOfBody) {
    if (parent.status !== Status.ParentOfBody) parent.text = '';
    parent.text += node.text;
    parent.status = Status.ParentOfBody;
  }
}

/** An element still open at the end of the page: its text goes up as it is. */
function collapse(node: Node, parent: Node): void {
  if (parent.status !== Status.ParentOfBody) adopt(node, parent);
}

function attach(node: Node, found: Found): void {
  if (node.filter) {
    for (const [key, value] of pairs(node.filter, node)) pushTo(found.filters, key, normalized(value));
  }
  if (node.sort) for (const [key, value] of pairs(node.sort, node)) found.sort.set(key, normalized(value));
  if (node.meta) for (const [key, value] of pairs(node.meta, node)) found.meta.set(key, normalized(value));
}

/** Pagefind's get_attribute_pair: "key:value", or a bare key whose value is the element's text. */
function pairs(entries: readonly string[], node: Node): [string, string][] {
  const found: [string, string][] = [];
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    if (colon >= 0) found.push([entry.slice(0, colon), entry.slice(colon + 1)]);
    else if (node.text !== '') found.push([entry, node.text]);
  }
  return found;
}

function findLast(stack: readonly Node[], name: string): number {
  for (let i = stack.length - 1; i > 0; i--) if (stack[i]!.name === name) return i;
  return -1;
}
