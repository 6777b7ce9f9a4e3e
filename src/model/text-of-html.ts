/**
 * Plain text of a body's sanitized HTML: without its tags, one line per block, whitespace
 * collapsed. Read in one scan for HTML as rehype-stringify writes it (every `&` the start of a
 * hexadecimal reference, no `<` inside a tag); anything else is read by the chain of replacements
 * the scan stands for (`byReplacing`), which was 8 % of a minute's analysis.
 * test/model/text-of-html.test.ts holds the two to each other over random HTML.
 */

const BLOCK_END = /^<\/(p|li|h\d|tr|blockquote)>$/;
const NAMED = /&(amp|lt|gt|quot);/g;
const NAMED_CHARACTERS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const named = (_: string, name: string) => NAMED_CHARACTERS[name] ?? '';

export function textOfHtml(html: string): string {
  return scannedText(html) ?? byReplacing(html);
}

/** The text read in one scan; undefined for HTML the scan does not take. */
export function scannedText(html: string): string | undefined {
  const stripped = withoutTags(html);
  if (stripped === undefined) return undefined;
  // A `&` decoded from `&#x26;` may start a named reference, as the replacements read it.
  return collapseWhitespace(stripped.includes('&') ? stripped.replace(NAMED, named) : stripped);
}

/** The reading the scan stands for. */
export function byReplacing(html: string): string {
  return html
    .replace(/<\/(p|li|h\d|tr|blockquote)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(NAMED, named)
    .replace(/[^\S\n]*\n\s*/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

/**
 * The HTML without tags (a block's end a line break) and with its hexadecimal references decoded;
 * undefined for HTML whose reading by the replacements could differ: a `<` inside a tag, or a `&`
 * that does not start a whole reference (the tags around it would be gone when it is decoded).
 */
function withoutTags(html: string): string | undefined {
  let text = '';
  let copied = 0;
  for (let index = 0; index < html.length; index++) {
    const code = html.charCodeAt(index);
    if (code === LESS_THAN) {
      const end = html.indexOf('>', index + 1);
      // No tag: `<>`, or a `<` with no `>` after it.
      if (end <= index + 1) continue;
      const inner = html.indexOf('<', index + 1);
      if (inner !== -1 && inner < end) return undefined;
      const blockEnd = html.charCodeAt(index + 1) === SLASH && BLOCK_END.test(html.slice(index, end + 1));
      text += html.slice(copied, index) + (blockEnd ? '\n' : '');
      copied = end + 1;
      index = end;
    } else if (code === AMPERSAND) {
      if (html.charCodeAt(index + 1) !== NUMBER_SIGN || (html.charCodeAt(index + 2) | 0x20) !== LATIN_X) return undefined;
      let end = index + 3;
      while (isHexDigit(html.charCodeAt(end))) end++;
      if (end === index + 3 || html.charCodeAt(end) !== SEMICOLON) return undefined;
      text += html.slice(copied, index) + String.fromCodePoint(parseInt(html.slice(index + 3, end), 16));
      copied = end + 1;
      index = end;
    }
  }
  return text + html.slice(copied);
}

/**
 * Each run of whitespace one space, or one line break when it holds one; none at either end
 * (the replacements' `[^\S\n]*\n\s*`, `[^\S\n]+` and trim).
 */
function collapseWhitespace(text: string): string {
  let result = '';
  let copied = 0;
  let index = 0;
  while (index < text.length) {
    if (!isSpace(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index;
    let newline = false;
    while (index < text.length && isSpace(text.charCodeAt(index))) {
      if (text.charCodeAt(index) === LINE_FEED) newline = true;
      index++;
    }
    const atEdge = start === 0 || index === text.length;
    const replacement = atEdge ? '' : newline ? '\n' : ' ';
    // Most runs are the one space between two words: left where they stand.
    if (index - start === 1 && text[start] === replacement) continue;
    result += text.slice(copied, start) + replacement;
    copied = index;
  }
  return result + text.slice(copied);
}

/** JavaScript's `\s`: WhiteSpace and LineTerminator of ECMAScript, as trim() removes them too. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
}

const LESS_THAN = 0x3c;
const AMPERSAND = 0x26;
const NUMBER_SIGN = 0x23;
const LATIN_X = 0x78;
const SEMICOLON = 0x3b;
const SLASH = 0x2f;
const LINE_FEED = 0x0a;
