import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** For tools: one JSON array, every field of every diagnostic. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(
    diagnostics.map(({ file, line, column, endLine, endColumn, severity, rule, message, hint }) => ({
      file,
      line,
      column,
      endLine,
      endColumn,
      severity,
      rule,
      message,
      hint,
    })),
    null,
    2,
  )}\n`;
}
