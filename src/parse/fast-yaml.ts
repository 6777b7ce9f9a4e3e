/**
 * The data of the YAML a frontmatter is usually written in, read without the `yaml` package: keys
 * with a text on one line, and lists of texts or of small records (`- name: …` / `organization: …`).
 * The `yaml` package builds a document with every node's range (for pointing at a value in a
 * diagnostic), a fifth of a minute's analysis; when a frontmatter is fine, nothing ever asks for
 * a range. Anything outside those forms — a value that would be a number, a key that is not a
 * plain name, a flow list, an anchor, a block scalar, a text over several lines, an escape in
 * quotes, a tab, a repeated key — makes it give up, and the `yaml` package reads the text as
 * before: the data is either the package's or none. test/parse/fast-yaml.test.ts holds it to the
 * package's `toJS()` over random frontmatters, the generated archive, the real minutes and the
 * fixtures.
 */

type Scalar = string;
type SmallRecord = Record<string, Scalar>;
type Value = Scalar | (Scalar | SmallRecord)[];

/** What `parseDocument(text).toJS()` gives for a document without errors, or undefined when the package must read it. */
export function fastYamlData(text: string): Record<string, Value> | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  const lines = text.split('\n');
  const data: Record<string, Value> = {};
  let i = 0;
  let keys = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlankOrComment(line)) {
      i++;
      continue;
    }
    const entry = keyAndRest(line, 0);
    if (!entry || Object.hasOwn(data, entry.key)) return undefined;
    i++;
    if (entry.rest !== '') {
      const value = scalar(entry.rest);
      if (value === undefined) return undefined;
      data[entry.key] = value;
    } else {
      const list = blockList(lines, i);
      if (!list) return undefined;
      data[entry.key] = list.items;
      i = list.next;
    }
    keys++;
  }
  return keys > 0 ? data : undefined;
}

/**
 * Characters and line starts only the package may read: tabs, carriage returns, control and
 * unusual line-breaking characters, a byte order mark, document markers, directives.
 */
const UNSUPPORTED = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|^(?:---|\.\.\.|%)/m;

/** A key as the schema's keys are written: not one the package would read as a number, a boolean or null. */
const KEY = /^([A-Za-z_][A-Za-z0-9_-]{0,63}):(?: +|$)/;

/** Plain texts the core schema reads as something else: null, a boolean, a number (yaml's core tags). */
const NOT_A_STRING = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/** Characters a plain text may not start with (indicators), quotes included: quoted texts are read apart. */
const INDICATOR = /^[-?:,[\]{}#&*!|>%@`]/;

/** Spaces at the start of a line: YAML indents with spaces only (a no-break space is content). */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 0x20) i++;
  return i;
}

function isBlankOrComment(line: string): boolean {
  const indent = indentOf(line);
  return indent === line.length || line.charCodeAt(indent) === 0x23 /* # */;
}

/** Without trailing spaces: a plain text ends before them, and before nothing else. */
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(0, end);
}

function keyAndRest(line: string, indent: number): { key: string; rest: string } | undefined {
  for (let i = 0; i < indent; i++) if (line.charCodeAt(i) !== 0x20) return undefined;
  const content = indent ? line.slice(indent) : line;
  const match = KEY.exec(content);
  if (!match || NOT_A_STRING.test(match[1]!) || match[1] === '__proto__') return undefined;
  return { key: match[1]!, rest: content.slice(match[0].length) };
}

/** A text on the rest of a line (after `key: ` or `- `), with an optional comment, or undefined. */
function scalar(rest: string): Scalar | undefined {
  const first = rest.charCodeAt(0);
  if (first === 0x22 || first === 0x27) return quoted(rest, first);
  const commentAt = rest.indexOf(' #');
  const plain = trimSpacesEnd(commentAt < 0 ? rest : rest.slice(0, commentAt));
  if (plain === '' || INDICATOR.test(plain) || NOT_A_STRING.test(plain)) return undefined;
  // `a: b` inside a value is a nested mapping the package refuses; `a:` at the end is a key.
  if (plain.includes(': ') || plain.endsWith(':')) return undefined;
  return plain;
}

/** A text in quotes without escapes (`\` in double, `''` in single quotes), closed on its line. */
const AFTER_QUOTED = /^(?: +(?:#.*)?)?$/;

function quoted(rest: string, quote: number): Scalar | undefined {
  const close = rest.indexOf(String.fromCharCode(quote), 1);
  if (close < 0) return undefined;
  const value = rest.slice(1, close);
  if (quote === 0x22 && value.includes('\\')) return undefined;
  // After the closing quote only spaces, or a comment after at least one space (not `''`, an escaped quote).
  return AFTER_QUOTED.test(rest.slice(close + 1)) ? value : undefined;
}

/** The block list starting at `lines[start]` (items `- …` at one indentation), or undefined. */
function blockList(lines: readonly string[], start: number): { items: (Scalar | SmallRecord)[]; next: number } | undefined {
  let i = start;
  while (i < lines.length && isBlankOrComment(lines[i]!)) i++;
  if (i >= lines.length) return undefined;
  const indent = indentOf(lines[i]!);
  const items: (Scalar | SmallRecord)[] = [];
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlankOrComment(line)) {
      i++;
      continue;
    }
    const lineIndent = indentOf(line);
    const isItem = lineIndent === indent && line.charCodeAt(indent) === 0x2d /* - */ && line.charCodeAt(indent + 1) === 0x20;
    // The next key of the top level ends the list (which may stand at column 0 too).
    if (lineIndent < indent || (indent === 0 && !isItem)) break;
    if (!isItem) return undefined;
    const itemIndent = indentOf(line.slice(indent + 1)) + indent + 1;
    const content = line.slice(itemIndent);
    const entry = keyAndRest(content, 0);
    i++;
    if (!entry) {
      const value = scalar(content);
      if (value === undefined) return undefined;
      items.push(value);
      continue;
    }
    const record = recordItem(lines, i, itemIndent, entry);
    if (!record) return undefined;
    items.push(record.value);
    i = record.next;
  }
  return items.length ? { items, next: i } : undefined;
}

/** A list item that is a record of texts: its first key on the `- ` line, the rest below it. */
function recordItem(lines: readonly string[], start: number, indent: number, first: { key: string; rest: string }): { value: SmallRecord; next: number } | undefined {
  const value: SmallRecord = {};
  let entry: { key: string; rest: string } | undefined = first;
  let i = start;
  for (;;) {
    if (Object.hasOwn(value, entry.key)) return undefined;
    const text = entry.rest === '' ? undefined : scalar(entry.rest);
    if (text === undefined) return undefined;
    value[entry.key] = text;
    while (i < lines.length && isBlankOrComment(lines[i]!)) i++;
    if (i >= lines.length) return { value, next: i };
    const line = lines[i]!;
    const lineIndent = indentOf(line);
    if (lineIndent < indent) return { value, next: i };
    entry = keyAndRest(line, indent);
    if (!entry) return undefined;
    i++;
  }
}
