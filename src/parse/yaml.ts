import { isMap, type Document } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { fastYamlData } from './fast-yaml.ts';
import { parseYamlDocument } from './yaml-document.ts';
import { yamlErrorDiagnostic } from './yaml-errors.ts';

/** Where a YAML document sits in its file, to turn node ranges into file positions. */
export interface YamlPlacement {
  file: string;
  document: Document.Parsed;
  /** The YAML text itself: node ranges are offsets into it. */
  text: string;
  offset: number;
  /** The span reported when the document itself is at fault (a required key missing at the top). */
  wholeSpan: Span;
  spanOf: (range: readonly [number, number]) => Span;
}

export interface ParsedYaml {
  placement: YamlPlacement;
  /** Plain data, or undefined when the YAML could not be read as a mapping. */
  data: Record<string, unknown> | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Parses YAML keeping every node's range, so validation can point at the exact value. `offset`
 * places the text within its file. YAML in the usual forms is read without the document
 * (fast-yaml.ts), which is then parsed only if a diagnostic needs a range.
 */
export function parseYamlText(
  file: string,
  yamlText: string,
  offset: number,
  wholeSpan: Span,
  spanOf: (range: readonly [number, number]) => Span,
): ParsedYaml {
  const fast = fastYamlData(yamlText);
  if (fast) {
    let parsed: Document.Parsed | undefined;
    const placement: YamlPlacement = {
      file,
      get document() {
        return (parsed ??= parseYamlDocument(yamlText));
      },
      text: yamlText,
      offset,
      wholeSpan,
      spanOf,
    };
    return { placement, data: fast, diagnostics: [] };
  }
  const document = parseYamlDocument(yamlText);
  const placement: YamlPlacement = { file, document, text: yamlText, offset, wholeSpan, spanOf };
  // One mistake can raise several YAML errors at the same place; a secretary needs to hear it once.
  const errors = document.errors.filter(
    (error, i) => document.errors.findIndex((other) => other.pos[0] === error.pos[0]) === i,
  );
  const diagnostics = errors.map((error) => yamlErrorDiagnostic(file, error, yamlText, offset, spanOf, document));
  // A repeated key leaves a readable document (the last value wins), so the rest is still checked.
  if (document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return { placement, data: undefined, diagnostics };
  if (document.contents !== null && !isMap(document.contents)) {
    diagnostics.push(diagnose('frontmatter-not-mapping', file, wholeSpan));
    return { placement, data: undefined, diagnostics };
  }
  // toJS throws on an alias to a missing anchor and on an alias bomb ("billion laughs"): a problem of the file, not a crash.
  let data: Record<string, unknown>;
  try {
    data = (document.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch {
    diagnostics.push(diagnose('yaml-syntax', file, wholeSpan, { detail: 'odkazy na jiné hodnoty (&kotva, *odkaz) nejdou rozvinout' }));
    return { placement, data: undefined, diagnostics };
  }
  return { placement, data, diagnostics };
}
