import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useCommandSandbox } from './helpers/capture-output.ts';
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod';
import { runSchema } from '../src/cli/schema.ts';
import { configSchema } from '../src/schema/config.ts';
import {
  JSON_SCHEMA_DRAFT,
  SCHEMA_COMMAND,
  SCHEMA_SOURCES,
  findFormatTag,
  generateJsonSchemas,
  type JsonSchema,
} from '../src/schema/json-schema.ts';
import { minuteFrontmatterSchema } from '../src/schema/minute.ts';
import { organizationSchema } from '../src/schema/organization.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const generated = generateJsonSchemas();

function schemaFile(fileName: string): JsonSchema {
  const file = generated.find((f) => f.fileName === fileName);
  if (!file) throw new Error(`${fileName} se negeneruje`);
  return JSON.parse(file.json) as JsonSchema;
}

const minuteSchema = schemaFile('schema/minute.schema.json');

describe('committed JSON Schemas', () => {
  it.each(generated.map((file) => [file.fileName, file.json] as const))(
    '%s matches the zod schema',
    async (fileName, json) => {
      const committed = await readFile(path.join(ROOT, fileName), 'utf8').catch(() => '(soubor chybí)');
      expect(
        committed.replace(/\r\n/g, '\n'),
        `${fileName} neodpovídá zod schématu v src/schema/; obnovte ho příkazem \`${SCHEMA_COMMAND}\` a zapište do gitu`,
      ).toBe(json);
    },
  );

  it('are generated deterministically, pretty-printed, with a trailing newline', () => {
    expect(generateJsonSchemas()).toEqual(generated);
    for (const { json } of generated) {
      expect(json.endsWith('}\n')).toBe(true);
      expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    }
  });

  it('are draft-07, which yaml-language-server (VS Code YAML extension) supports', () => {
    for (const { json } of generated) expect((JSON.parse(json) as JsonSchema).$schema).toBe(JSON_SCHEMA_DRAFT);
  });

  it('do not leak the internal format tags (format:date…) used as error markers', () => {
    for (const { fileName, json } of generated) {
      expect(findFormatTag(JSON.parse(json)), fileName).toBeUndefined();
      expect(json, fileName).not.toContain('format:');
    }
    const formats = collect(generated.map((f) => JSON.parse(f.json)), 'format');
    expect(new Set(formats)).toEqual(new Set(['uri', 'email']));
  });

  it('keep the Czech descriptions', () => {
    expect(minuteSchema.title).toBe('Záhlaví zápisu z jednání KPSS');
    expect(property(minuteSchema, 'date').description).toBe('Datum jednání (RRRR-MM-DD); musí souhlasit s názvem souboru.');
    expect(property(minuteSchema, 'date').pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(property(minuteSchema, 'time').pattern).toBe('^([01]\\d|2[0-3]):[0-5]\\d$');
  });
});

describe('structure follows the zod shapes', () => {
  const cases: [string, z.ZodObject, string[]][] = [
    ['schema/minute.schema.json', minuteFrontmatterSchema, ['date', 'group', 'topics']],
    ['schema/organization.schema.json', organizationSchema, ['name', 'kind']],
    ['schema/config.schema.json', configSchema, ['site', 'groups']],
  ];

  it.each(cases)('%s: property names, required keys, additionalProperties false', (fileName, zodSchema, required) => {
    const schema = schemaFile(fileName);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toEqual(Object.keys(zodSchema.shape));
    expect(schema.required).toEqual(required);
    expect(schema.additionalProperties).toBe(false);
  });

  it('every object in the schemas is closed, like the strict zod objects', () => {
    for (const { fileName, json } of generated) {
      for (const node of objectSchemas(JSON.parse(json))) {
        expect(node.additionalProperties, `${fileName}: ${Object.keys(node.properties as object).join(', ')}`).toBe(false);
      }
    }
  });

  it('covers every zod schema source', () => {
    expect(SCHEMA_SOURCES.map((s) => s.fileName)).toEqual(generated.map((f) => f.fileName));
  });
});

describe('the minute schema on real minutes', () => {
  it('accepts the frontmatter of every minute in minutes/', async () => {
    const minutes = await readMinutesFrontmatter();
    expect(minutes.length).toBeGreaterThanOrEqual(3);
    for (const { file, data } of minutes) {
      expect(checkJsonSchema(minuteSchema, data), file).toEqual([]);
      // The JSON Schema and the validator agree.
      expect(minuteFrontmatterSchema.safeParse(data).success, file).toBe(true);
    }
  });

  it('rejects an unknown key, a missing required key and a badly formed value', async () => {
    const [first] = await readMinutesFrontmatter();
    const data = first!.data as Record<string, unknown>;

    const { attendees, ...withoutAttendees } = data;
    const typo = { ...withoutAttendees, atendees: attendees };
    expect(checkJsonSchema(minuteSchema, typo)).toEqual(['/atendees: neznámý klíč']);
    expect(minuteFrontmatterSchema.safeParse(typo).success).toBe(false);

    const { date: _date, ...withoutDate } = data;
    expect(checkJsonSchema(minuteSchema, withoutDate)).toEqual(['/date: chybí povinný klíč']);

    expect(checkJsonSchema(minuteSchema, { ...data, date: '25. 10. 2021' })).toEqual(['/date: neodpovídá vzoru']);
    expect(checkJsonSchema(minuteSchema, { ...data, topics: 'Náhradní doklady' })).toEqual(['/topics: má být array']);
    expect(
      checkJsonSchema(minuteSchema, { ...data, attendees: [{ name: 'Průcha', organisation: 'clovek-v-tisni' }] }),
    ).toEqual(['/attendees/0: žádná z možností neodpovídá']);
  });
});

describe('the organization and config schemas on the real registers', () => {
  it('accept organizations/*.yaml and minutes.config.yaml', async () => {
    const organizations = schemaFile('schema/organization.schema.json');
    const dir = path.join(ROOT, 'organizations');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const data = parseYaml(await readFile(path.join(dir, file), 'utf8'));
      expect(checkJsonSchema(organizations, data), file).toEqual([]);
    }
    const config = parseYaml(await readFile(path.join(ROOT, 'minutes.config.yaml'), 'utf8'));
    const configSchemaJson = schemaFile('schema/config.schema.json');
    expect(checkJsonSchema(configSchemaJson, config)).toEqual([]);
    expect(checkJsonSchema(configSchemaJson, { ...config, sites: {} })).toEqual(['/sites: neznámý klíč']);
  });
});

describe('minutes schema --check', () => {
  const sandbox = useCommandSandbox('minutes-schema-');

  it('passes on the committed files', async () => {
    expect(await runSchema(['--check', '--root', ROOT])).toBe(0);
    expect(sandbox.stderr()).toBe('');
  });

  it('writes nothing and names the missing or stale file', async () => {
    await mkdir(path.join(sandbox.root(), 'schema'));
    await writeFile(path.join(sandbox.root(), 'schema/minute.schema.json'), '{}\n');
    expect(await runSchema(['--check', '--root', sandbox.root()])).toBe(1);
    expect(sandbox.stderr()).toContain('schema/minute.schema.json není aktuální');
    expect(sandbox.stderr()).toContain('schema/config.schema.json chybí');
    expect(sandbox.stderr()).toContain(SCHEMA_COMMAND);
    expect(await readdir(path.join(sandbox.root(), 'schema'))).toEqual(['minute.schema.json']);
  });

  it('writes the files, after which the check passes', async () => {
    expect(await runSchema(['--root', sandbox.root()])).toBe(0);
    expect(await runSchema(['--check', '--root', sandbox.root()])).toBe(0);
    expect(sandbox.stderr()).toBe('');
  });
});

// --- helpers ---------------------------------------------------------------------------------

function property(schema: JsonSchema, key: string): JsonSchema {
  return (schema.properties as Record<string, JsonSchema>)[key]!;
}

function collect(value: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) collect(item, key, found);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) found.push(v);
      collect(v, key, found);
    }
  }
  return found;
}

function objectSchemas(value: unknown, found: JsonSchema[] = []): JsonSchema[] {
  if (Array.isArray(value)) for (const item of value) objectSchemas(item, found);
  else if (value !== null && typeof value === 'object') {
    const node = value as JsonSchema;
    if (node.type === 'object' && node.properties) found.push(node);
    for (const child of Object.values(node)) objectSchemas(child, found);
  }
  return found;
}

async function readMinutesFrontmatter(): Promise<{ file: string; data: unknown }[]> {
  const dir = path.join(ROOT, 'minutes');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(dir, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
      if (!match) throw new Error(`${file}: chybí záhlaví`);
      return { file, data: parseYaml(match[1]!) as unknown };
    }),
  );
}

/**
 * A deliberately small JSON Schema check, enough for the keywords zod emits for these schemas; an
 * unknown keyword fails loudly instead of passing silently. Returns "path: problem" lines.
 */
const ANNOTATIONS = ['$schema', '$comment', 'title', 'description', 'examples', 'default', 'format'];
const ASSERTIONS = [
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'enum',
  'const',
  'minLength',
  'minItems',
  'pattern',
];

function checkJsonSchema(schema: JsonSchema, value: unknown, at = ''): string[] {
  const problems: string[] = [];
  for (const keyword of Object.keys(schema)) {
    if (!ASSERTIONS.includes(keyword) && !ANNOTATIONS.includes(keyword)) {
      throw new Error(`klíčové slovo ${keyword} test nezná`);
    }
  }
  if (schema.anyOf) {
    const options = schema.anyOf as JsonSchema[];
    if (!options.some((option) => checkJsonSchema(option, value, at).length === 0)) {
      return [`${at}: žádná z možností neodpovídá`];
    }
  }
  if (schema.type !== undefined && typeOf(value) !== schema.type) return [`${at}: má být ${String(schema.type)}`];
  if (schema.const !== undefined && value !== schema.const) problems.push(`${at}: má být ${String(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) problems.push(`${at}: nepovolená hodnota`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) problems.push(`${at}: příliš krátké`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      problems.push(`${at}: neodpovídá vzoru`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push(`${at}: málo položek`);
    const items = schema.items as JsonSchema | undefined;
    if (items) value.forEach((item, i) => problems.push(...checkJsonSchema(items, item, `${at}/${i}`)));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in object)) problems.push(`${at}/${key}: chybí povinný klíč`);
    }
    for (const [key, item] of Object.entries(object)) {
      const sub = properties[key];
      if (sub) problems.push(...checkJsonSchema(sub, item, `${at}/${key}`));
      else if (schema.additionalProperties === false) problems.push(`${at}/${key}: neznámý klíč`);
    }
  }
  return problems;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}
