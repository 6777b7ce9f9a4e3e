import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { countBySeverity, czechCount } from './summary.ts';

export interface StylishOptions {
  color: boolean;
  /** How many files were checked, for the closing line. */
  checkedFiles: number;
}

type Paint = (text: string) => string;

/** For people: grouped by file, aligned columns, the hint under each problem (like ESLint's stylish). */
export function formatStylish(diagnostics: readonly Diagnostic[], options: StylishOptions): string {
  const paint = (code: number): Paint => (options.color ? (text) => `\u001b[${code}m${text}\u001b[39m` : (text) => text);
  const [red, yellow, dim, green] = [paint(31), paint(33), paint(90), paint(32)];
  const underline: Paint = options.color ? (text) => `\u001b[4m${text}\u001b[24m` : (text) => text;
  const lines: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, problems] of byFile) {
    lines.push(underline(file));
    const places = problems.map((d) => `${d.line}:${d.column}`);
    const width = Math.max(...places.map((p) => p.length));
    problems.forEach((d, i) => {
      const severity = d.severity === 'error' ? red('chyba    ') : yellow('varování ');
      lines.push(`  ${dim(places[i]!.padEnd(width))}  ${severity} ${d.message}  ${dim(d.rule)}`);
      lines.push(`  ${' '.repeat(width)}  ${' '.repeat(9)} ${dim(`→ ${d.hint}`)}`);
    });
    lines.push('');
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const checked = czechCount(options.checkedFiles, 'soubor', 'soubory', 'souborů');
  if (diagnostics.length === 0) {
    lines.push(green(`✔ Zkontrolováno: ${checked}. Bez problémů.`));
  } else {
    const summary = `${czechCount(errors, 'chyba', 'chyby', 'chyb')}, ${czechCount(warnings, 'varování', 'varování', 'varování')}`;
    lines.push((errors > 0 ? red : yellow)(`${errors > 0 ? '✖' : '⚠'} Zkontrolováno: ${checked}. Nalezeno: ${summary}.`));
  }
  return `${lines.join('\n')}\n`;
}
