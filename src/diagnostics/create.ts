import { catalog, type RuleId, type RuleParams } from '../rules/catalog.ts';
import type { Diagnostic, Severity, Span } from './diagnostic.ts';

/**
 * The one way to make a diagnostic: the message and hint always come from the catalogue,
 * so the wording a secretary sees and the generated rule docs cannot drift apart.
 */
export function diagnose<R extends RuleId>(
  rule: R,
  file: string,
  span: Span,
  ...params: RuleParams<R> extends void ? [] : [RuleParams<R>]
): Diagnostic {
  const definition = catalog[rule] as unknown as {
    severity: Severity;
    message: (p: unknown) => string;
    hint: (p: unknown) => string;
  };
  const p = params[0];
  return {
    file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    severity: definition.severity,
    rule,
    message: definition.message(p),
    hint: definition.hint(p),
  };
}

export function withSeverity(diagnostic: Diagnostic, severity: Severity): Diagnostic {
  return { ...diagnostic, severity };
}
