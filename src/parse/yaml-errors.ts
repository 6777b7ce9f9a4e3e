import type { YAMLError } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';

/** The yaml package's error codes, said in Czech for a secretary. */
const CZECH_DETAIL: Record<string, string> = {
  BAD_INDENT: 'nesprávné odsazení',
  BAD_SCALAR_START: 'hodnota začíná znakem, který YAML nedovoluje (dejte ji do uvozovek)',
  BLOCK_AS_IMPLICIT_KEY: 'víceřádková hodnota na místě klíče',
  MISSING_CHAR: 'chybí uzavírací znak (uvozovka nebo závorka)',
  MULTILINE_IMPLICIT_KEY: 'klíč přes více řádků',
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
): Diagnostic {
  const [start, end] = error.pos;
  if (error.code === 'DUPLICATE_KEY') {
    // The error's range covers one character; the whole key reads better in an editor.
    const key = (/^[^:\n]*/.exec(yamlText.slice(start))?.[0] ?? '').trim();
    const span = spanOf([offset + start, offset + start + Math.max(key.length, 1)]);
    return diagnose('yaml-duplicate-key', file, span, { key: key.replace(/^["']|["']$/g, '') });
  }
  const span = spanOf([offset + start, offset + Math.max(end, start + 1)]);
  return diagnose('yaml-syntax', file, span, { detail: CZECH_DETAIL[error.code] ?? 'neplatný zápis' });
}
