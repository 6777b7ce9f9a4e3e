/**
 * Plain text of a body's sanitized HTML: without its tags, one line per block, whitespace
 * collapsed. Read in one scan for HTML as rehype-stringify writes it (every `&` the start of a
 * hexadecimal reference, no `<` inside a tag); anything else is read by the chain of replacements
 * the scan stands for (`byReplacing`), which was 8 % of a minute's analysis.
 * test/model/text-of-html.test.ts holds the two to each other over random HTML.
 */

const BLOCK_ENDS = /<\/(p|li|h\d|tr|blockquote)>/g;
const BLOCK_END = new RegExp(`^${BLOCK_ENDS.source}$`);
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
    .replace(BLOCK_ENDS, '\n')
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
 * (the replacements' `[^\S\n]*\n\s*`, `[^\S\n]+` and trim). Only runs that are not already a single
 * space are visited: most runs are the one space between two words.
 */
function collapseWhitespace(text: string): string {
  const collapsed = text.replace(IRREGULAR_WHITESPACE, (run: string, offset: number) => {
    if (offset === 0 || offset + run.length === text.length) return '';
    return run.includes('\n') ? '\n' : ' ';
  });
  // A single space at either end is not irregular, but trimmed too.
  const from = collapsed.startsWith(' ') ? 1 : 0;
  const to = collapsed.endsWith(' ') ? collapsed.length - 1 : collapsed.length;
  return from === 0 && to === collapsed.length ? collapsed : collapsed.slice(from, Math.max(from, to));
}

/** A run of two or more whitespace characters, or one that is not a space: each tried at a space without backtracking. */
const IRREGULAR_WHITESPACE = /\s{2,}|[^\S ]/g;

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
}

const LESS_THAN = 0x3c;
const AMPERSAND = 0x26;
const NUMBER_SIGN = 0x23;
const LATIN_X = 0x78;
const SEMICOLON = 0x3b;
const SLASH = 0x2f;
