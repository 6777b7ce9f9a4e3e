import type { RuleId } from '../rules/catalog.ts';

export type Severity = 'error' | 'warning';

/** A point in a file, 1-based like editors and vfile. */
export interface Point {
  line: number;
  column: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/** Shaped like a vfile message, so reporters stay pure functions of a list of these. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  hint: string;
}

/** The whole-file span, for problems that have no narrower place (empty file, binary file). */
export const FILE_START: Span = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
