/**
 * Mammoth's HTML of a Word document → the plain lines the later stages read, shaped like the
 * legacy .txt exports: one line per paragraph, an empty line per empty paragraph, Word's own
 * numbered and bulleted lists spelled out ("1. ", "- ") and indented by level, bold kept as
 * **…** (a bold organization name is how an update begins), links kept as links.
 * Mammoth's HTML is regular (no attributes but href/id/src, entities escaped), so a small
 * tokenizer reads it; no HTML parser dependency is needed.
 */
export function docxHtmlToText(html: string): string {
  const out = new HtmlLines();
  for (const token of tokenize(html)) {
    if (token.kind === 'text') out.text(decodeEntities(token.value));
    else if (token.closing) out.close(token.name);
    else out.open(token.name, token.attributes);
  }
  out.flush();
  return out.lines.join('\n');
}

interface ListLevel {
  ordered: boolean;
  next: number;
}

/** An open list item: its first paragraph continues the marker line, later ones are indented under it. */
interface OpenItem {
  markerLine: string;
  contentIndent: number;
}

interface Link {
  href: string;
  start: number;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const INDENT_PER_LEVEL = 3;

class HtmlLines {
  readonly lines: string[] = [];
  #line: string | undefined;
  #lists: ListLevel[] = [];
  #items: OpenItem[] = [];
  #bold = 0;
  #link: Link | undefined;
  #row: string[] | undefined;
  #cell: string[] | undefined;

  open(name: string, attributes: Record<string, string>): void {
    if (BLOCKS.has(name)) {
      const item = this.#items.at(-1);
      if (item && this.#line === item.markerLine) return;
      this.#start(item ? ' '.repeat(item.contentIndent) : '');
    } else if (name === 'ul' || name === 'ol') {
      this.flush();
      this.#lists.push({ ordered: name === 'ol', next: Number(attributes.start ?? '1') || 1 });
    } else if (name === 'li') {
      this.flush();
      const level = this.#lists.at(-1);
      const marker = level?.ordered ? `${level.next++}. ` : '- ';
      const indent = INDENT_PER_LEVEL * Math.max(0, this.#lists.length - 1);
      this.#start(' '.repeat(indent) + marker);
      this.#items.push({ markerLine: this.#line!, contentIndent: indent + marker.length });
    } else if (name === 'br') {
      // A line break inside a paragraph is a new line of the same paragraph's text.
      const keep = this.#line !== undefined;
      this.flush();
      const item = this.#items.at(-1);
      if (keep) this.#start(item ? ' '.repeat(item.contentIndent) : '');
    } else if (name === 'strong' || name === 'b') {
      if (this.#bold++ === 0) this.#append('**');
    } else if (name === 'a' && attributes.href) {
      this.#link = { href: attributes.href, start: (this.#line ?? '').length };
    } else if (name === 'tr') {
      this.flush();
      this.#row = [];
    } else if (name === 'td' || name === 'th') {
      this.#cell = [];
    }
  }

  close(name: string): void {
    if (BLOCKS.has(name)) this.flush();
    else if (name === 'li') {
      this.flush();
      this.#items.pop();
    } else if (name === 'ul' || name === 'ol') {
      this.flush();
      this.#lists.pop();
    } else if (name === 'strong' || name === 'b') {
      if (--this.#bold === 0) this.#append('**');
    } else if (name === 'a') this.#closeLink();
    else if (name === 'td' || name === 'th') {
      this.flush();
      const text = (this.#cell ?? []).join(' ').trim();
      this.#cell = undefined;
      if (text) this.#row?.push(text);
    } else if (name === 'tr') {
      this.flush();
      const cells = this.#row ?? [];
      this.#row = undefined;
      // "Datum: | 8. 1. 2024" reads as one labelled line; other cells stay apart.
      if (cells.length) this.lines.push(cells.reduce((line, cell) => `${line}${/:$/.test(line) ? ' ' : ' – '}${cell}`));
    }
  }

  text(value: string): void {
    if (this.#line === undefined) {
      if (value.trim() === '') return;
      const item = this.#items.at(-1);
      this.#start(item ? ' '.repeat(item.contentIndent) : '');
    }
    this.#append(value);
  }

  flush(): void {
    if (this.#line === undefined) return;
    // Bold still open at a line break closes on this line and reopens on the next (#start).
    const line = tidyBold(this.#bold > 0 ? `${this.#line}**` : this.#line).replace(/\s+$/, '');
    this.#line = undefined;
    if (this.#cell) {
      if (line.trim()) this.#cell.push(line.trim());
    } else this.lines.push(line);
  }

  #start(prefix: string): void {
    this.flush();
    this.#line = prefix;
    // Bold that spans paragraphs reopens in each of them.
    if (this.#bold > 0) this.#line += '**';
  }

  #append(value: string): void {
    if (this.#line === undefined) this.#start('');
    this.#line += value;
  }

  #closeLink(): void {
    const link = this.#link;
    this.#link = undefined;
    if (!link || this.#line === undefined) return;
    const { href } = link;
    // Footnote references and internal bookmarks are Word's navigation, not the minute's links.
    if (href.startsWith('#')) return;
    const written = this.#line.slice(link.start).trim();
    const plain = href.replace(/^mailto:/, '').replace(/^https?:\/\//, '').replace(/\/$/, '');
    if (written.replace(/^https?:\/\//, '').replace(/\/$/, '') === plain) return;
    this.#line = `${this.#line.slice(0, link.start)}[${written}](${href})`;
  }
}

/** "**Naděje **" → "**Naděje** ", "****" → "": Markdown bold must hug its words. */
function tidyBold(line: string): string {
  return line
    .replace(/\*\*(\s*)\*\*/g, '$1')
    .replace(/\*\*([^*]*?)\*\*/g, (_, inner: string) => {
      const lead = /^\s*/.exec(inner)![0];
      const trail = /\s*$/.exec(inner)![0];
      const core = inner.trim();
      return core ? `${lead}**${core}**${trail}` : inner;
    });
}

type Token =
  | { kind: 'text'; value: string }
  | { kind: 'tag'; name: string; closing: boolean; attributes: Record<string, string> };

function* tokenize(html: string): Generator<Token> {
  const pattern = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  for (const match of html.matchAll(pattern)) {
    if (match[4] !== undefined) {
      yield { kind: 'text', value: match[4] };
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of (match[3] ?? '').matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      attributes[attribute[1]!] = decodeEntities(attribute[2]!);
    }
    yield { kind: 'tag', name: match[2]!.toLowerCase(), closing: match[1] === '/', attributes };
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}
