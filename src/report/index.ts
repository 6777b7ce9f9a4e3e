import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatStylish } from './stylish.ts';

export const REPORT_FORMATS = ['stylish', 'github', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatDiagnostics(
  format: ReportFormat,
  diagnostics: readonly Diagnostic[],
  options: { color: boolean; checkedFiles: number },
): string {
  if (format === 'json') return formatJson(diagnostics);
  if (format === 'github') return formatGithub(diagnostics);
  return formatStylish(diagnostics, options);
}
