import { isScalar, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';

/** The yaml package's error codes, said in Czech for a secretary. */
const CZECH_DETAIL: Record<string, string> = {
  BAD_INDENT: 'nesprávné odsazení',
  BAD_SCALAR_START: 'hodnota začíná znakem, který YAML nedovoluje (dejte ji do uvozovek)',
  BLOCK_AS_IMPLICIT_KEY: 'nesprávné odsazení',
  MISSING_CHAR: 'chybí uzavírací znak (uvozovka nebo závorka)',
  MULTILINE_IMPLICIT_KEY: 'řádek bez dvojtečky (každý údaj pište jako klíč: hodnota)',
  TAB_AS_INDENT: 'odsazení tabulátorem (použijte mezery)',
  UNEXPECTED_TOKEN: 'neočekávaný znak',
  BAD_DIRECTIVE: 'neplatná direktiva',
  MULTIPLE_DOCS: 'více dokumentů v záhlaví',
  ALIAS_PROPS: 'neplatný odkaz (alias)',
  BAD_ALIAS: 'neplatný odkaz (alias)',
  BAD_COLLECTION_TYPE: 'neplatný typ seznamu',
  BAD_DQ_ESCAPE: 'neplatná escape sekvence v uvozovkách',
  KEY_OVER_1024_CHARS: 'příliš dlouhý klíč',
  MISSING_ANCHOR: 'odkaz na neexistující kotvu',
  TAG_RESOLVE_FAILED: 'hodnotu nelze převést',
  UNEXPECTED_SCALAR_AT_NODE_END: 'nečekaný text za hodnotou',
};

export function yamlErrorDiagnostic(
  file: string,
  error: YAMLError,
  yamlText: string,
  offset: number,
  spanOf: (range: readonly [number, number]) => Span,
  document?: Document.Parsed,
): Diagnostic {
  const [start, end] = error.pos;
  if (error.code === 'DUPLICATE_KEY') {
    // The error's range covers one character; the whole key reads better in an editor.
    const key = (/^[^:\n]*/.exec(yamlText.slice(start))?.[0] ?? '').trim();
    const span = spanOf([offset + start, offset + start + Math.max(key.length, 1)]);
    return diagnose('yaml-duplicate-key', file, span, { key: key.replace(/^["']|["']$/g, '') });
  }
  const lineEnd = (from: number): number => {
    const newline = yamlText.indexOf('\n', from);
    return newline === -1 ? yamlText.length : newline;
  };
  const restOfLine = yamlText.slice(start, lineEnd(start));
  let range: [number, number] = [start, Math.max(end, start + 1)];
  let detail = CZECH_DETAIL[error.code] ?? 'neplatný zápis';
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /: |:$/.test(restOfLine)) {
    // `venue: ČvT: U Tiskárny`: YAML sees a second key inside the value.
    detail = 'hodnota obsahuje dvojtečku s mezerou (takový text dejte do uvozovek)';
    range = [start, lineEnd(start)];
  } else if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || (error.code === 'MULTILINE_IMPLICIT_KEY' && /: |:$/.test(restOfLine))) {
    // `venue: ČvT` followed by a more indented `  adresa: …`: the indented line is the surprise.
    detail = CZECH_DETAIL.BAD_INDENT!;
    const next = /\n[ \t]*(?=\S)/.exec(yamlText.slice(start));
    if (next) {
      const from = start + next.index + next[0].length;
      range = [from, Math.max(lineEnd(from), from + 1)];
    }
  } else if (error.code === 'MULTILINE_IMPLICIT_KEY') {
    // The line without a colon is the mistake, not the key on the line after it.
    range = [start, Math.max(lineEnd(start), start + 1)];
  } else if (error.code === 'MISSING_CHAR' && /closing .?quote/.test(error.message)) {
    // YAML reports where the quoted text ran out (the end of the frontmatter); the opening quote is the mistake.
    detail = 'chybí uzavírací uvozovka';
    const opening = openingQuoteOf(document, start);
    if (opening !== undefined) range = [opening, Math.max(lineEnd(opening), opening + 1)];
  }
  return diagnose('yaml-syntax', file, spanOf([offset + range[0], offset + range[1]]), { detail });
}

/** The start of the quoted scalar that runs up to `end` without its closing quote. */
function openingQuoteOf(document: Document.Parsed | undefined, end: number): number | undefined {
  if (!document) return undefined;
  let found: number | undefined;
  visit(document, {
    Scalar(_, node) {
      if (!isScalar(node) || !node.range) return;
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range[1] === end) {
        found = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
