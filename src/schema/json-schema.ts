import * as z from 'zod';
import { configSchema } from './config.ts';
import { minuteFrontmatterSchema } from './minute.ts';
import { organizationSchema } from './organization.ts';
import { FORMAT, ID_PATTERN, clockTime, dateOrDateTime, isoDate } from './primitives.ts';

/**
 * JSON Schemas for editors, generated from the zod schemas the validator uses, so the two cannot
 * disagree. `minutes schema` writes them to schema/, `minutes schema --check` and
 * test/schema-drift.test.ts keep the committed files in sync.
 *
 * Draft-07: the YAML extension for VS Code (yaml-language-server) validates with JSON Schema
 * draft-07; 2019-09/2020-12 are not supported by it (redhat-developer/yaml-language-server#856).
 * `io: 'input'` describes what a person writes: keys with a default (status, aliases, contacts…)
 * are optional, as they are for the validator.
 *
 * Editors: .vscode/settings.json (`yaml.schemas`) and the modeline on the first line of
 * minutes.config.yaml and organizations/*.yaml point at the config and organization schemas. The
 * minute schema describes Markdown frontmatter, which the YAML extension does not check (it only
 * serves YAML documents; redhat-developer/vscode-yaml#207), so a modeline inside the frontmatter
 * would do nothing there; minutes are checked by `minutes validate`, and the minute schema serves
 * tools that validate frontmatter against a JSON Schema.
 */
export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

export type JsonSchema = { [key: string]: unknown };

export interface GeneratedFile {
  /** Path relative to the archive root, with forward slashes, e.g. schema/minute.schema.json. */
  fileName: string;
  /** The file's full text: pretty-printed JSON with a trailing newline. */
  json: string;
}

interface SchemaSource {
  fileName: string;
  source: string;
  schema: z.ZodType;
}

export const SCHEMA_SOURCES: readonly SchemaSource[] = [
  { fileName: 'schema/minute.schema.json', source: 'src/schema/minute.ts', schema: minuteFrontmatterSchema },
  { fileName: 'schema/organization.schema.json', source: 'src/schema/organization.ts', schema: organizationSchema },
  { fileName: 'schema/config.schema.json', source: 'src/schema/config.ts', schema: configSchema },
];

/** The command that regenerates the files, for messages about stale ones. */
export const SCHEMA_COMMAND = 'npm run schema';

/** Formats that yaml-language-server (draft-07) understands; any other `format` is dropped. */
const KNOWN_FORMATS = new Set(['date-time', 'date', 'time', 'email', 'uri', 'uri-reference', 'hostname', 'ipv4', 'ipv6']);

/**
 * The validator's format tags (primitives.ts) are error markers, not JSON Schema formats. Should one
 * ever reach the output as a `format`, it becomes the pattern of the primitive that carries it.
 */
const TAG_PATTERNS: Record<string, string> = {
  [FORMAT.date]: patternOf(isoDate),
  [FORMAT.time]: patternOf(clockTime),
  [FORMAT.dateTime]: patternOf(dateOrDateTime),
  [FORMAT.id]: ID_PATTERN.source,
};

/** The three schema files, in a fixed order, with deterministic text. Pure: writes nothing. */
export function generateJsonSchemas(): GeneratedFile[] {
  return SCHEMA_SOURCES.map(({ fileName, source, schema }) => ({
    fileName,
    json: `${JSON.stringify(toEditorSchema(schema, source), null, 2)}\n`,
  }));
}

/** One zod schema as a draft-07 JSON Schema object with its header keys first. */
export function toEditorSchema(schema: z.ZodType, source: string): JsonSchema {
  const generated = sanitizeFormats(z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as JsonSchema);
  const { $schema: _draft, title, description, ...rest } = generated;
  const result: JsonSchema = {
    $schema: JSON_SCHEMA_DRAFT,
    $comment: `Vygenerováno příkazem \`${SCHEMA_COMMAND}\` ze souboru ${source}; neupravujte ručně.`,
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    ...rest,
  };
  const leaked = findFormatTag(result);
  if (leaked) throw new Error(`Interní značka formátu „${leaked}“ pronikla do JSON Schema (${source}).`);
  return result;
}

function patternOf(schema: z.ZodType): string {
  const pattern = (z.toJSONSchema(schema, { target: 'draft-07', io: 'input' }) as JsonSchema).pattern;
  if (typeof pattern !== 'string') throw new Error('Primitivní schéma nemá regulární výraz.');
  return pattern;
}

/** Replaces format tags by patterns and drops formats editors do not know, everywhere in the tree. */
function sanitizeFormats(node: JsonSchema): JsonSchema {
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'format' && typeof value === 'string') {
      const tagPattern = TAG_PATTERNS[value];
      if (tagPattern !== undefined && node.pattern === undefined) result.pattern = tagPattern;
      if (KNOWN_FORMATS.has(value)) result.format = value;
      continue;
    }
    result[key] = sanitizeValue(value);
  }
  return result;
}

function sanitizeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitizeValue);
  if (value !== null && typeof value === 'object') return sanitizeFormats(value as JsonSchema);
  return value;
}

/** The first string in the tree that is an internal format tag ("format:date"…), if any. */
export function findFormatTag(value: unknown): string | undefined {
  if (typeof value === 'string') return value.startsWith('format:') ? value : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findFormatTag(item);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') return findFormatTag(Object.values(value));
  return undefined;
}
