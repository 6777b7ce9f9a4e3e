import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/** Czech has three plural forms: 1 chyba, 2–4 chyby, 5+ chyb. */
export function czechCount(n: number, one: string, few: string, many: string): string {
  const word = n === 1 ? one : n >= 2 && n <= 4 ? few : many;
  return `${n} ${word}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}
