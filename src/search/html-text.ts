/**
 * The text Pagefind indexes from one of our pages: the content of the data-pagefind-body elements
 * without data-pagefind-ignore parts, scripts and styles. Used to compute strategy B's stems.
 *
 * The pages are our own Eleventy output (well-formed, escaped by Nunjucks or rehype-stringify), so a
 * small tag scanner is enough; it is tolerant of unclosed tags rather than a full HTML parser.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg', 'textarea']);
/** Tags that do not separate words ("<strong>Naděje</strong>:" is one word with its colon). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;

interface Open {
  name: string;
  body: boolean;
  ignore: boolean;
}

/** Plain text of the page's searchable part; empty when the page has no data-pagefind-body. */
export function indexedText(html: string): string {
  const parts: string[] = [];
  const stack: Open[] = [];
  let body = 0;
  let ignore = 0;
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(html))) {
    const [token, closing, rawName, attributes = ''] = match;
    if (rawName === undefined) {
      if (token.startsWith('<!') || token.startsWith('<?')) continue;
      if (body > 0 && ignore === 0) parts.push(decodeEntities(token));
      continue;
    }
    const name = rawName.toLowerCase();
    if (!INLINE.has(name) && body > 0 && ignore === 0) parts.push(' ');
    if (closing) {
      const index = findLast(stack, name);
      if (index < 0) continue;
      for (const open of stack.splice(index)) {
        if (open.body) body--;
        if (open.ignore) ignore--;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Skip the element's content up to its end tag: nothing in it is page text.
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = TOKEN.lastIndex;
      const found = end.exec(html);
      TOKEN.lastIndex = found ? end.lastIndex : html.length;
      continue;
    }
    if (VOID.has(name) || /\/\s*$/.test(attributes)) continue;
    const open: Open = {
      name,
      body: /(?:^|\s)data-pagefind-body(?=[\s=]|$)/i.test(attributes),
      ignore: /(?:^|\s)data-pagefind-ignore(?=[\s=]|$)/i.test(attributes),
    };
    if (open.body) body++;
    if (open.ignore) ignore++;
    stack.push(open);
  }
  return parts.join('').replace(/\s+/gu, ' ').trim();
}

function findLast(stack: readonly Open[], name: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.name === name) return i;
  return -1;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}
