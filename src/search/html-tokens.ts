/**
 * The tokens of a page as pagefind-record.ts reads them: exactly what the regular expression
 *
 *   <!--…-->|<![CDATA[…]]>|<!…>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|<
 *
 * would cut, found character by character: the expression's match arrays and strings, one per tag,
 * were a fifth of making a record. A `<` that starts none of the first four is a text of its own.
 */
export const enum TokenKind {
  Text,
  /** A comment, CDATA section or declaration: nothing Pagefind reads. */
  Skipped,
  Tag,
}

export class HtmlTokens {
  kind = TokenKind.Text;
  /** The token is html[start, end). */
  start = 0;
  end = 0;
  /** A tag's: whether it closes an element, and where its name ends (its attributes run from there to end − 1). */
  closing = false;
  nameStart = 0;
  nameEnd = 0;

  constructor(readonly html: string) {}

  /** Reads the next token; false at the end of the page. Reading goes on from `end`, which may be moved. */
  next(): boolean {
    const { html } = this;
    const start = (this.start = this.end);
    if (start >= html.length) return false;
    if (html.charCodeAt(start) !== LESS_THAN) return this.#found(TokenKind.Text, nextLessThan(html, start + 1));
    if (html.charCodeAt(start + 1) === EXCLAMATION) {
      const end = skippedEnd(html, start);
      if (end > 0) return this.#found(TokenKind.Skipped, end);
    } else if (this.#tag(start)) {
      return true;
    }
    return this.#found(TokenKind.Text, start + 1);
  }

  #found(kind: TokenKind, end: number): true {
    this.kind = kind;
    this.end = end;
    return true;
  }

  #tag(start: number): boolean {
    const { html } = this;
    const closing = html.charCodeAt(start + 1) === SLASH;
    const nameStart = start + (closing ? 2 : 1);
    if (!isLetter(html.charCodeAt(nameStart))) return false;
    let at = nameStart + 1;
    while (isNameCharacter(html.charCodeAt(at))) at++;
    const nameEnd = at;
    for (;;) {
      const code = html.charCodeAt(at);
      if (code === GREATER_THAN) break;
      if (Number.isNaN(code)) return false;
      if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
        const quoteEnd = html.indexOf(code === DOUBLE_QUOTE ? '"' : "'", at + 1);
        if (quoteEnd < 0) return false;
        at = quoteEnd;
      }
      at++;
    }
    this.kind = TokenKind.Tag;
    this.closing = closing;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.end = at + 1;
    return true;
  }
}

/** The end of the comment, CDATA section or declaration at `start` (a `<!`), or −1 when it is none. */
function skippedEnd(html: string, start: number): number {
  if (html.startsWith('<!--', start)) {
    const end = html.indexOf('-->', start + 4);
    if (end >= 0) return end + 3;
  } else if (html.startsWith('<![CDATA[', start)) {
    const end = html.indexOf(']]>', start + 9);
    if (end >= 0) return end + 3;
  }
  const end = html.indexOf('>', start + 2);
  return end < 0 ? -1 : end + 1;
}

function nextLessThan(html: string, from: number): number {
  const at = html.indexOf('<', from);
  return at < 0 ? html.length : at;
}

function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function isNameCharacter(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
}

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const EXCLAMATION = 0x21;
const SLASH = 0x2f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
