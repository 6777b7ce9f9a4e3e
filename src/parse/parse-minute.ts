import type { Root, Yaml } from 'mdast';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import type { SourceFile } from '../read/read-source.ts';
import { createLocator, type Locator } from './locator.ts';
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
  const tree = markdownProcessor.parse(source.text) as Root;
  const locator = createLocator(source.text);
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
