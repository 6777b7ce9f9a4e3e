import type { Root, Yaml } from 'mdast';
import { FILE_START, type Diagnostic, type Span } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import type { SourceFile } from '../read/read-source.ts';
import { createLocator, type Locator } from './locator.ts';
import { parseFastMarkdown } from './fast-markdown.ts';
import { markdownProcessor } from './processor.ts';
import { parseYamlText, type ParsedYaml } from './yaml.ts';

/** The single parse of a minute: everything later stages need, so nothing reads or parses it again. */
export interface ParsedMinute {
  source: SourceFile;
  tree: Root;
  /** The frontmatter, when the file has a closed `---` block. */
  frontmatter: ParsedYaml | undefined;
  locator: Locator;
  diagnostics: Diagnostic[];
}

export function parseMinute(source: SourceFile): ParsedMinute {
  const locator = createLocator(source.text);
  // Pathological text (hundreds of nesting levels, thousands of `*`) makes the Markdown parser take
  // minutes or overflow the stack: such a body is not parsed; the frontmatter still is.
  const tooComplex = complexityProblem(source.text);
  let tree: Root;
  try {
    const text = tooComplex ? frontmatterOnly(source.text) : source.text;
    tree = parseFastMarkdown(text) ?? (markdownProcessor.parse(text) as Root);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const parsed = parseMinute({ ...source, text: frontmatterOnly(source.text) });
    const problem = diagnose('content-too-complex', source.path, FILE_START, { reason: 'vnoření je příliš hluboké' });
    return { ...parsed, source, locator, diagnostics: [problem, ...parsed.diagnostics] };
  }
  if (tooComplex) {
    const parsed = withTree(source, tree, locator);
    const span = locator.spanOf([tooComplex.offset, tooComplex.offset]);
    return { ...parsed, diagnostics: [diagnose('content-too-complex', source.path, span, { reason: tooComplex.reason }), ...parsed.diagnostics] };
  }
  return withTree(source, tree, locator);
}

function withTree(source: SourceFile, tree: Root, locator: Locator): ParsedMinute {
  const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  if (!yamlNode) {
    return { source, tree, frontmatter: undefined, locator, diagnostics: [missingFrontmatter(source)] };
  }
  const start = yamlNode.position?.start.offset ?? 0;
  // The YAML text starts after the opening `---` line.
  const offset = source.text.indexOf('\n', start) + 1;
  // A problem of the block as a whole (a required key missing) is shown on its opening `---`,
  // so an annotation in a pull request stays one line long.
  const opening = locator.spanOf([start, Math.max(offset - 1, start)]);
  const frontmatter = parseYamlText(source.path, yamlNode.value, offset, opening, locator.spanOf);
  return { source, tree, frontmatter, locator, diagnostics: [...frontmatter.diagnostics] };
}

function missingFrontmatter(source: SourceFile): Diagnostic {
  const firstLine = source.text.split('\n', 1)[0] ?? '';
  const span: Span = { start: { line: 1, column: 1 }, end: { line: 1, column: firstLine.length + 1 } };
  return firstLine.trim() === '---'
    ? diagnose('frontmatter-unterminated', source.path, span)
    : diagnose('frontmatter-missing', source.path, span);
}

/** Limits far beyond any real minute, well below what makes the parser slow (measured in docs/reliability.md). */
const MAX_CHARS = 2_000_000;
const MAX_INDENT = 160;
const MAX_QUOTE_DEPTH = 60;
const MAX_MARKER_RUN = 300;

function complexityProblem(text: string): { offset: number; reason: string } | undefined {
  if (text.length > MAX_CHARS) return { offset: MAX_CHARS, reason: `soubor má přes ${MAX_CHARS / 1_000_000} milióny znaků` };
  const indent = new RegExp(String.raw`^(?:[ \t]*>){${MAX_QUOTE_DEPTH},}|^[ \t>]{${MAX_INDENT},}`, 'm').exec(text);
  if (indent) return { offset: indent.index, reason: 'vnoření seznamů nebo citací je příliš hluboké' };
  const run = new RegExp(String.raw`([*_~\[\]\x60<>])\1{${MAX_MARKER_RUN},}`).exec(text);
  if (run) return { offset: run.index, reason: `${run[0].length} stejných značek „${run[1]}“ za sebou` };
  return undefined;
}

/** The text up to the end of the frontmatter (or nothing), so the frontmatter can be read alone. */
function frontmatterOnly(text: string): string {
  const match = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(text);
  return match ? match[0] : '';
}
