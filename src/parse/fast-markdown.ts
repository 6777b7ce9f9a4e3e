/**
 * A faster parse of the Markdown minutes are usually written in: @lezer/markdown's syntax tree
 * (~1.5 ms a minute instead of micromark's ~5.5 ms) turned into exactly the mdast tree remark would
 * build, positions included. It knows only the plain constructs of a minute — paragraphs, ATX
 * headings, lists and task lists, emphasis, strong, inline links and autolinks, hard breaks,
 * thematic breaks — and only in their unambiguous forms. Anything else (a table, a quote, code,
 * HTML, an escape or entity, a tab, a Windows line ending, a bare URL that GFM would turn into a
 * link, emphasis markers whose reading depends on fine print…) makes it give up, and the file
 * goes through remark as before: the fast tree is either remark's or none.
 * test/parse/fast-markdown.test.ts holds it to remark's output over random documents, a generated
 * archive, the real minutes and the fixtures, and to each construct it takes or refuses.
 */
import type { BlockContent, Heading, List, ListItem, PhrasingContent, Root, RootContent, Yaml } from 'mdast';
import { TaskList, parser as commonMark, type InlineContext } from '@lezer/markdown';
import type { SyntaxNode } from '@lezer/common';

/**
 * lezer tries each inline parser at every character of every line; its GFM autolink parser alone
 * was a quarter of the parse. So it runs only the parsers whose constructs the conversion can
 * meet: of GFM task lists, as tables, strikethrough and literal links are refused (a delimiter
 * row, `~`, MAY_BE_LITERAL_LINK), and not escapes, entities or code spans, whose characters the
 * body may not hold (UNSUPPORTED_CHARACTERS).
 */
const lezer = commonMark.configure([
  TaskList,
  { remove: ['Escape', 'Entity', 'InlineCode'], parseInline: [{ name: 'PlainRun', parse: plainRun, before: 'HTMLTag' }] },
]);

/**
 * lezer asks every inline parser about every character; most characters are letters that none of
 * them takes. A run of them is passed over in one step: lezer keeps no node for plain text, so the
 * tree is the same (test/parse/fast-markdown.test.ts holds it to remark's).
 */
function plainRun(cx: InlineContext, next: number, start: number): number {
  if (!isPlain(next)) return -1;
  let end = start + 1;
  while (end < cx.end && isPlain(cx.char(end))) end++;
  return end;
}

/** Letters, digits and anything else no inline parser starts at: all of ASCII but letters and digits may start one. */
function isPlain(code: number): boolean {
  return code > 0x7f || (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/** Thrown inside the conversion when the text holds something only remark may parse. */
class Unsupported extends Error {}

/** The mdast tree of `text` as remark (with frontmatter and GFM) parses it, or undefined when remark must do it. */
export function parseFastMarkdown(text: string): Root | undefined {
  if (text.includes('\r')) return undefined;
  const frontmatter = FRONTMATTER.exec(text);
  if (!frontmatter && text.startsWith('---')) return undefined;
  const body = text.slice(frontmatter ? frontmatter[0].length : 0);
  if (UNSUPPORTED_CHARACTERS.test(body) || (body.includes('|') && TABLE_DELIMITER_ROW.test(body)) || hasAmbiguousDelimiters(body)) return undefined;
  try {
    return new Converter(text).root(frontmatter);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/**
 * Characters of the body whose handling differs in ways not reproduced here: tabs, NUL, escapes, entities,
 * ~ (GFM strikethrough), and ` (lezer and micromark disagree on some code spans inside links and emphasis).
 */
const UNSUPPORTED_CHARACTERS = /[\t\0\\&~`]/;

/** A GFM table's delimiter row (`| --- | :-: |`): micromark lets a table interrupt a paragraph, lezer does not. */
const TABLE_DELIMITER_ROW = /^(?=[^\n]*\|)(?=[^\n]*-)[ |:-]+$/m;

/**
 * Runs of `*` and `_` whose reading the two parsers could differ on: three or more in a row, both
 * kinds together, next to a character other than an ASCII one, a letter, a digit or a space
 * (CommonMark's flanking rules ask whether it is Unicode punctuation, and lezer's idea of that is
 * not micromark's, e.g. for „“, – or emoji), or with no space on either side.
 */
function hasAmbiguousDelimiters(text: string): boolean {
  for (const run of text.matchAll(/[*_]+/g)) {
    if (run[0].length > 2 || (run[0].includes('*') && run[0].includes('_'))) return true;
    const before = text[run.index - 1] ?? ' ';
    const after = text[run.index + run[0].length] ?? ' ';
    if (!PLAIN_NEIGHBOUR.test(before) || !PLAIN_NEIGHBOUR.test(after)) return true;
    // Between two non-spaces a run may both open and close, where the rule of three decides.
    if (!/\s/.test(before) && !/\s/.test(after)) return true;
  }
  return false;
}

const PLAIN_NEIGHBOUR = /[\x00-\x7f\p{L}\p{N}]/u;

/**
 * What GFM's literal-autolink transform could turn into a link (www., http(s)://, an e-mail
 * address): such text is left to remark.
 */
const MAY_BE_LITERAL_LINK = /www\.|https?:\/\/|[-.\w+]@/i;

const FRONTMATTER = /^---\n(?:([\s\S]*?)\n)?---(?=\n|$)/;

class Converter {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  root(frontmatter: RegExpExecArray | null): Root {
    const children: RootContent[] = [];
    let bodyStart = 0;
    if (frontmatter) {
      const yaml: Yaml = { type: 'yaml', value: frontmatter[1] ?? '', position: this.span(0, frontmatter[0].length) };
      children.push(yaml);
      bodyStart = frontmatter[0].length;
    }
    if (bodyStart < this.text.length) {
      // The frontmatter as blank lines: offsets stay those of the file (lezer's `ranges` would shift them).
      const tree = lezer.parse(this.text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + this.text.slice(bodyStart));
      for (let child = tree.topNode.firstChild; child; child = child.nextSibling) children.push(this.block(child) as RootContent);
    }
    return { type: 'root', children, position: this.span(0, this.text.length) };
  }

  private block(node: SyntaxNode): BlockContent {
    switch (node.name) {
      case 'Paragraph':
        return { type: 'paragraph', children: this.inline(node, node.from, node.to), position: this.span(node.from, node.to) };
      case 'ATXHeading1':
      case 'ATXHeading2':
      case 'ATXHeading3':
      case 'ATXHeading4':
      case 'ATXHeading5':
      case 'ATXHeading6':
        return this.heading(node, Number(node.name.slice(-1)) as Heading['depth']);
      case 'BulletList':
      case 'OrderedList':
        return this.list(node);
      case 'HorizontalRule':
        return { type: 'thematicBreak', position: this.span(node.from, node.to) };
      default:
        throw new Unsupported();
    }
  }

  private heading(node: SyntaxNode, depth: Heading['depth']): Heading {
    const marks = node.getChildren('HeaderMark');
    let from = marks[0]!.to;
    let to = marks.length > 1 ? marks[marks.length - 1]!.from : node.to;
    while (from < to && this.text[from] === ' ') from++;
    while (to > from && this.text[to - 1] === ' ') to--;
    return { type: 'heading', depth, children: from < to ? this.inline(node, from, to) : [], position: this.span(node.from, node.to) };
  }

  private list(node: SyntaxNode): List {
    const items: ListItem[] = [];
    let spread = false;
    const itemNodes = node.getChildren('ListItem');
    for (const [i, item] of itemNodes.entries()) {
      const content = this.listItem(item);
      items.push(content.item);
      const next = itemNodes[i + 1];
      // A blank line between this item's end and the next item's marker spreads the list.
      if (next && this.hasBlankLine(content.end, next.from)) spread = true;
    }
    const ordered = node.name === 'OrderedList';
    const firstMark = itemNodes[0]!.getChild('ListMark')!;
    const start = ordered ? Number.parseInt(this.text.slice(firstMark.from, firstMark.to - 1), 10) : null;
    return { type: 'list', ordered, start, spread, children: items, position: this.span(firstMark.from, items[items.length - 1]!.position!.end.offset!) };
  }

  private listItem(node: SyntaxNode): { item: ListItem; end: number } {
    const mark = node.getChild('ListMark')!;
    const children: BlockContent[] = [];
    let checked: boolean | null = null;
    let previousEnd: number | undefined;
    let spread = false;
    for (let child = mark.nextSibling; child; child = child.nextSibling) {
      let block: BlockContent;
      if (child.name === 'Task') {
        if (children.length > 0) throw new Unsupported();
        const marker = child.getChild('TaskMarker')!;
        checked = this.text[marker.from + 1] !== ' ';
        block = this.taskParagraph(child, marker);
      } else {
        // A list right on the marker's line (`- 3. x`): micromark does not always read one there.
        if (children.length === 0 && (child.name === 'BulletList' || child.name === 'OrderedList')) throw new Unsupported();
        block = this.block(child);
      }
      // A blank line between two of the item's own blocks spreads the item.
      if (previousEnd !== undefined && this.hasBlankLine(previousEnd, child.from)) spread = true;
      previousEnd = block.position!.end.offset!;
      children.push(block);
    }
    // An empty item ends after the spaces that follow its marker; such items go to remark.
    if (previousEnd === undefined) throw new Unsupported();
    const end = previousEnd;
    return { item: { type: 'listItem', spread, checked, children, position: this.span(mark.from, end) }, end };
  }

  /**
   * The paragraph of a task item as mdast-util-gfm-task-list-item leaves it: it starts at the
   * marker; the text after the marker loses its first character (the space), and the paragraph
   * then starts where that text does, or at the marker when nothing of the text is left.
   */
  private taskParagraph(node: SyntaxNode, marker: SyntaxNode): BlockContent {
    // A marker with nothing after it is no task for GFM.
    if (this.text.slice(marker.to, node.to).trim() === '') throw new Unsupported();
    const children = this.inline(node, marker.to, node.to);
    let start = this.point(marker.from);
    const head = children[0];
    if (head?.type === 'text' && head.position) {
      head.value = head.value.slice(1);
      if (head.value === '') children.shift();
      else start = head.position.start = this.point(head.position.start.offset! + 1);
    }
    return { type: 'paragraph', children, position: { start, end: this.point(node.to) } };
  }

  /** Whether a line between `from` and `to` is empty (spaces only). */
  private hasBlankLine(from: number, to: number): boolean {
    return /\n[ ]*\n/.test(this.text.slice(from, to));
  }

  /** The phrasing content of `parent` between `from` and `to`, with the inline nodes lezer found there. */
  private inline(parent: SyntaxNode, from: number, to: number): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    let at = from;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.to <= from || child.from >= to) continue;
      if (child.name === 'HeaderMark' || child.name === 'TaskMarker') continue;
      if (child.from < at) throw new Unsupported();
      this.textNode(out, at, child.from, false);
      out.push(this.phrasing(child));
      at = child.to;
    }
    this.textNode(out, at, to, true);
    return out;
  }

  private phrasing(node: SyntaxNode): PhrasingContent {
    const position = this.span(node.from, node.to);
    switch (node.name) {
      case 'Emphasis':
      case 'StrongEmphasis': {
        const marks = node.getChildren('EmphasisMark');
        const children = this.inline(node, marks[0]!.to, marks[marks.length - 1]!.from);
        return node.name === 'Emphasis' ? { type: 'emphasis', children, position } : { type: 'strong', children, position };
      }
      case 'HardBreak':
        if (this.text[node.from] !== ' ') throw new Unsupported();
        return { type: 'break', position };
      case 'Link':
        return this.link(node);
      case 'Autolink':
        return this.autolink(node);
      default:
        throw new Unsupported();
    }
  }

  /** `[text](url)` or `[text](url "title")`; references and `<url>` destinations go to remark. */
  private link(node: SyntaxNode): PhrasingContent {
    const marks = node.getChildren('LinkMark');
    const url = node.getChild('URL');
    if (marks.length !== 4 || !url || this.text[marks[2]!.from] !== '(' || node.getChild('LinkLabel')) throw new Unsupported();
    const destination = this.text.slice(url.from, url.to);
    if (destination.startsWith('<')) throw new Unsupported();
    const titleNode = node.getChild('LinkTitle');
    const title = titleNode ? this.text.slice(titleNode.from + 1, titleNode.to - 1) : null;
    const children = this.inline(node, marks[0]!.to, marks[1]!.from);
    return { type: 'link', url: destination, title, children, position: this.span(node.from, node.to) };
  }

  /** `<https://…>`: a link whose text is its address. E-mail autolinks go to remark. */
  private autolink(node: SyntaxNode): PhrasingContent {
    const url = node.getChild('URL');
    if (!url) throw new Unsupported();
    const address = this.text.slice(url.from, url.to);
    if (!/^[a-z][a-z0-9+.-]{1,31}:/i.test(address)) throw new Unsupported();
    return {
      type: 'link',
      title: null,
      url: address,
      children: [{ type: 'text', value: address, position: this.span(url.from, url.to) }],
      position: this.span(node.from, node.to),
    };
  }

  /**
   * The text between two inline nodes (or a node and the block's edge), as micromark makes it: the
   * spaces that end a line or start the next are not part of its value, and its position runs from
   * its first character to its last character or line ending.
   */
  private textNode(out: PhrasingContent[], from: number, to: number, endsBlock: boolean): void {
    const raw = this.text.slice(from, to);
    if (raw.includes('[^') || MAY_BE_LITERAL_LINK.test(raw)) throw new Unsupported();
    let start = from;
    if (this.text[start - 1] === '\n' || /^ +\n/.test(raw)) while (this.text[start] === ' ') start++;
    let end = to;
    const trailing = / +$/.exec(raw);
    if (trailing && (endsBlock || this.text[to - trailing[0].length - 1] === '\n')) end = to - trailing[0].length;
    if (start >= end) return;
    const value = this.text.slice(start, end).replace(/ *\n */g, '\n');
    out.push({ type: 'text', value, position: this.span(start, end) });
  }

  private span(from: number, to: number) {
    return { start: this.point(from), end: this.point(to) };
  }

  private point(offset: number) {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1, offset };
  }
}
