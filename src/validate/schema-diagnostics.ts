import type * as z from 'zod';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnose } from '../diagnostics/create.ts';
import { REQUIRED_KEY_LABELS } from '../schema/minute.ts';
import { FORMAT } from '../schema/primitives.ts';
import { suggest } from '../text/suggest.ts';
import type { YamlPlacement } from '../parse/yaml.ts';
import { locate, rangeOf, spanAt, type YamlPath } from './yaml-node.ts';

type Issue = z.core.$ZodIssue;

const EXPECTED_CZECH: Record<string, string> = {
  string: 'text',
  array: 'seznam (každá položka na řádku začínajícím „- “)',
  object: 'položka s údaji ve tvaru klíč: hodnota',
  number: 'číslo',
  boolean: 'ano/ne (true/false)',
};

/** The format a key's value must have, for values YAML already turned into a number or date. */
const FORMAT_OF_KEY: Record<string, string> = {
  date: FORMAT.date,
  time: FORMAT.time,
  end_time: FORMAT.time,
  next_meetings: FORMAT.dateTime,
};

/**
 * Validates YAML data with a zod schema and says every problem in the catalogue's words,
 * at the exact node: a nested attendee's typo is reported on that attendee's line.
 */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  placement: YamlPlacement,
): { value: z.output<S> | undefined; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => issueToDiagnostics(issue, [], placement, schema));
  return { value: undefined, diagnostics: unique(diagnostics) };
}

function issueToDiagnostics(issue: Issue, base: YamlPath, placement: YamlPlacement, schema: z.ZodType): Diagnostic[] {
  const path = [...base, ...issue.path];
  const key = lastKey(path);
  const at = (target: 'value' | 'key' = 'value'): Span => spanAt(placement, path, target);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((unknown) =>
        diagnose('unknown-key', placement.file, spanAt(placement, [...path, unknown], 'key'), {
          key: unknown,
          suggestion: suggest(unknown, knownKeys(schema, path)),
        }),
      );
    case 'invalid_union':
      return unionToDiagnostics(issue, path, placement, schema, key);
    case 'invalid_type': {
      if (issue.input === undefined) {
        return [diagnose('missing-key', placement.file, at(), { key, label: REQUIRED_KEY_LABELS[key] ?? key })];
      }
      if (issue.input === null) return [diagnose('empty-value', placement.file, at('key'), { key })];
      const format = FORMAT_OF_KEY[topKey(path)];
      if (format) return [formatDiagnostic(format, placement, path, key)];
      if (issue.expected === 'string' && isColonMapping(issue.input, placement, path)) {
        return [diagnose('invalid-type', placement.file, at(), { key, expected: TEXT_WITH_COLON })];
      }
      return [diagnose('invalid-type', placement.file, at(), { key, expected: EXPECTED_CZECH[issue.expected] ?? issue.expected })];
    }
    case 'too_small':
      // The empty value itself (`[]`, `""`); spanAt falls back to the key when it has no extent.
      return [diagnose('empty-value', placement.file, at(), { key })];
    case 'invalid_value':
      return [
        diagnose('invalid-value', placement.file, at(), {
          key,
          // An object or a list is shown as written, not as "[object Object]".
          value: typeof issue.input === 'object' && issue.input !== null ? sourceText(placement, path) || JSON.stringify(issue.input) : String(issue.input),
          allowed: issue.values.map(String).join(', '),
        }),
      ];
    case 'invalid_format':
    case 'custom':
      if (issue.message.startsWith('format:')) return [formatDiagnostic(issue.message, placement, path, key)];
      if (issue.code === 'invalid_format' && (issue.format === 'url' || issue.format === 'email')) {
        const expected = issue.format === 'url' ? 'webová adresa začínající https://' : 'e-mailová adresa';
        return [diagnose('invalid-type', placement.file, at(), { key, expected })];
      }
      return [diagnose('invalid-type', placement.file, at(), { key, expected: issue.message })];
    default:
      return [diagnose('invalid-type', placement.file, at(), { key, expected: issue.message })];
  }
}

/**
 * An attendee is a name or a {name, organization} entry. When the secretary wrote an entry,
 * the entry's own problems (a misspelt key) are the useful ones, not "expected a string".
 */
function unionToDiagnostics(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: YamlPath,
  placement: YamlPlacement,
  schema: z.ZodType,
  key: string,
): Diagnostic[] {
  const input = issue.input;
  const wantsObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  const known = knownKeys(schema, path);
  if (wantsObject && isColonMapping(input, placement, path) && !known.includes(Object.keys(input)[0]!)) {
    // `- Průcha: vedoucí` is a name with a colon, not an entry with an unknown key and no name.
    return [diagnose('invalid-type', placement.file, spanAt(placement, path, 'value'), { key, expected: PERSON_WITH_COLON })];
  }
  for (const branch of issue.errors) {
    const failsAtRoot = branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0);
    if (wantsObject && !failsAtRoot) return branch.flatMap((inner) => issueToDiagnostics(inner, path, placement, schema));
    if (typeof input === 'string' && !failsAtRoot) {
      return branch.flatMap((inner) => issueToDiagnostics(inner, path, placement, schema));
    }
  }
  if (input === null) return [diagnose('empty-value', placement.file, spanAt(placement, path, 'value'), { key })];
  return [diagnose('invalid-type', placement.file, spanAt(placement, path, 'value'), { key, expected: PERSON })];
}

const TEXT_WITH_COLON = 'text; obsahuje-li dvojtečku s mezerou, dejte ho celý do uvozovek';
const PERSON = 'jméno, nebo položka s údaji name a organization';
const PERSON_WITH_COLON = 'jméno (obsahuje-li dvojtečku, pak v uvozovkách), nebo položka s údaji name, organization a role';

/**
 * `- Odpolední jednání (jiný čas: v pořádku)`: YAML reads a list item with `: ` as a key and a
 * value. When text was expected and such a one-line pair was found, say what happened.
 */
function isColonMapping(input: unknown, placement: YamlPlacement, path: YamlPath): boolean {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || Object.keys(input).length !== 1) return false;
  const range = rangeOf(locate(placement.document, path).value);
  return range !== undefined && !placement.text.slice(range[0], range[1]).trimEnd().includes('\n');
}

/** Zod can report one value twice (a date that fails both its pattern and the calendar); say it once. */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.rule}|${d.line}:${d.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function formatDiagnostic(format: string, placement: YamlPlacement, path: YamlPath, key: string): Diagnostic {
  const span = spanAt(placement, path, 'value');
  const value = sourceText(placement, path);
  if (format === FORMAT.time) return diagnose('invalid-time', placement.file, span, { key, value });
  if (format === FORMAT.id) {
    return diagnose('invalid-type', placement.file, span, {
      key,
      expected: 'identifikátor (malá písmena bez diakritiky, číslice a pomlčky, např. most-k-nadeji)',
    });
  }
  return diagnose('invalid-date', placement.file, span, { key, value });
}

function sourceText(placement: YamlPlacement, path: YamlPath): string {
  const node = locate(placement.document, path).value;
  const value = (node as { source?: unknown } | undefined)?.source;
  if (typeof value === 'string') return value;
  const range = rangeOf(node);
  return range ? placement.text.slice(range[0], range[1]).trim() : '';
}

/** The keys a strict object allows at a path: what "did you mean" chooses from. */
function knownKeys(schema: z.ZodType, path: YamlPath): string[] {
  let current: unknown = schema;
  for (const segment of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof segment === 'string') current = def.shape?.[segment];
    else if (def?.type === 'array') current = def.element;
    else return [];
  }
  current = unwrap(current);
  const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[] } }).def;
  if (def?.type === 'object') return Object.keys(def.shape ?? {});
  if (def?.type === 'union') {
    for (const option of def.options ?? []) {
      const inner = (unwrap(option) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
      if (inner?.type === 'object') return Object.keys(inner.shape ?? {});
    }
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (;;) {
    const def = (current as { def?: { type?: string; innerType?: unknown } } | undefined)?.def;
    if (def && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      current = def.innerType;
    } else return current;
  }
}

function lastKey(path: YamlPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '';
}

function topKey(path: YamlPath): string {
  return typeof path[0] === 'string' ? path[0] : '';
}
