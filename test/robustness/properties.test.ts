/**
 * Property-based tests (fast-check): thousands of generated frontmatter and Markdown variants go
 * through decode → parse → validate → extract in-process, against the real registers. Whatever the
 * input: no exception, every problem is a diagnostic of a known rule with a Czech message and a real
 * position; input generated valid from the schema stays free of errors.
 *
 *   FC_SEED=123 npx vitest run test/robustness/properties.test.ts    replay a reported seed
 */
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { extractionContext } from '../../src/extract/context.ts';
import type { ExtractionContext } from '../../src/extract/extract-minute.ts';
import { extractMinute, extractionDiagnostics } from '../../src/extract/extract-minute.ts';
import { parseMinute } from '../../src/parse/parse-minute.ts';
import { decodeSource } from '../../src/read/read-source.ts';
import { loadRegisters, type Registers } from '../../src/registers/load-registers.ts';
import { projectPaths, type ProjectPaths } from '../../src/registers/project.ts';
import { namesOf } from '../../src/registers/register-names.ts';
import { ruleIds } from '../../src/rules/catalog.ts';
import { validateMinute } from '../../src/validate/validate-minute.ts';
import { ROOT } from '../site/support.ts';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const settings = (numRuns: number) => ({ numRuns, ...(seed === undefined ? {} : { seed }) });
const known = new Set<string>(ruleIds);

let registers: Registers;
let paths: ProjectPaths;
let context: ExtractionContext;
let organizationNames: string[];
let groups: string[];

beforeAll(async () => {
  paths = projectPaths(ROOT);
  registers = await loadRegisters(paths);
  context = extractionContext(registers);
  organizationNames = [...registers.organizations.values()].flatMap((o) => namesOf(o));
  groups = [...registers.groups.keys()];
});

/** The whole in-process pipeline on one file's bytes; throws only if a stage throws. */
interface Run { diagnostics: Diagnostic[]; lines: number; text: string }

function run(bytes: Uint8Array, date = '2021-10-25', group = 'cizinci'): Run {
  const name = `${date}-${group}.md`;
  const absolute = path.join(paths.minutes, date.slice(0, 4), name);
  const shown = `minutes/${date.slice(0, 4)}/${name}`;
  const read = decodeSource(shown, bytes);
  const text = Buffer.from(bytes).toString('utf8');
  const lines = text.replace(/\r\n?/g, '\n').split('\n').length;
  if (!read.ok) return { diagnostics: read.diagnostics, lines, text };
  const parsed = parseMinute(read.source);
  const diagnostics = [...parsed.diagnostics];
  const { minute, diagnostics: problems } = validateMinute(parsed, registers, paths, absolute);
  diagnostics.push(...problems);
  if (minute) {
    const extracted = extractMinute(minute, context).diagnostics;
    // `minutes validate` extracts only the parts that can report a problem: it must report the same.
    expect(extractionDiagnostics(minute, context)).toEqual(extracted);
    diagnostics.push(...extracted);
  }
  return { diagnostics, lines: read.source.text.split('\n').length, text };
}

/** Words that only a formatting bug would put in a message, unless the file itself says them. */
const LEAKS = ['undefined', '[object', 'NaN'];

function assertWellFormed({ diagnostics, lines, text }: Run): void {
  const leaks = LEAKS.filter((leak) => !text.includes(leak));
  for (const d of diagnostics) {
    const where = `${d.rule} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} (${lines} lines)`;
    expect(known.has(d.rule), where).toBe(true);
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines + 1, where).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
    expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), where).toBe(true);
    expect(d.endLine <= lines + 1, where).toBe(true);
    expect(d.message.trim().length, where).toBeGreaterThan(0);
    for (const leak of leaks) expect(`${d.message} ${d.hint}`, where).not.toContain(leak);
    expect(['error', 'warning']).toContain(d.severity);
  }
}

// ---- generators ----------------------------------------------------------------------------

const WORDS = ['jednání', 'klienti', 'služba', 'Liberec', 'ubytovna', 'doklady', 'cizinci', 'dávky', 'terénní práce', 'Průcha', 'Šťastná', 'ČvT', 'ŘPS', 'úřad', 'žádost', '„citace“', '50 %', '2 500 000 Kč', 'IČO 72745401', '(pozn.)', 'č. 5'];
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => `${w.join(' ')}.`);
const name = fc.tuple(fc.constantFrom('Jana', 'Lukáš', 'Zuzka', 'Václav', 'Ondřej', 'Ilona'), fc.constantFrom('Nováková', 'Průcha', 'Šťastná', 'Řezníček', 'Dvořák'))
  .map(([a, b]) => `${a} ${b}`);
const dayOf = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** A frontmatter object valid by the schema and the registers. */
const validFrontmatter = () =>
  fc.record(
    {
      date: dayOf,
      group: fc.constantFrom(...groups),
      title: sentence,
      time: clock,
      venue: fc.oneof(fc.constant('online'), sentence),
      attendees: fc.uniqueArray(
        fc.oneof(name, fc.record({ name, organization: fc.constantFrom(...registers.organizations.keys()) })),
        { maxLength: 6, selector: (p) => (typeof p === 'string' ? p : p.name) },
      ),
      topics: fc.array(sentence, { minLength: 1, maxLength: 4 }),
      recorder: name,
      status: fc.constantFrom('draft', 'approved'),
    },
    { requiredKeys: ['date', 'group', 'topics'] },
  );

const markdownBlock = () =>
  fc.oneof(
    sentence,
    sentence.map((s) => `## ${s}`),
    fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
    fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
    fc.tuple(fc.constantFrom(...organizationNames), sentence).map(([org, s]) => `- **${org}.** ${s}`),
    fc.tuple(fc.constantFrom(...organizationNames), sentence).map(([org, s]) => `**${org}:** ${s}`),
    fc.tuple(name, sentence, dayOf).map(([who, s, d]) => `- [ ] ${who}: ${s} do ${d}`),
    sentence.map((s) => `> ${s}`),
    sentence.map((s) => `*${s}* a **${s}**`),
    fc.constant('| a | b |\n| --- | --- |\n| 1 | 2 |'),
    sentence.map((s) => `Usnesení: ${s}`),
  );

const yamlText = (data: Record<string, unknown>) =>
  fc
    .record({
      indent: fc.constantFrom(2, 4),
      quote: fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      flow: fc.boolean(),
      bom: fc.boolean(),
      crlf: fc.boolean(),
      trailing: fc.constantFrom('', ' ', '\t'),
    })
    .map(({ indent, quote, flow, bom, crlf, trailing }) => {
      const text = stringify(data, { indent, defaultStringType: quote, collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 });
      return { text, bom, crlf, trailing };
    });

function file(yaml: string, body: string, options: { bom: boolean; crlf: boolean; trailing?: string }): Uint8Array {
  let text = `---${options.trailing ?? ''}\n${yaml}${yaml.endsWith('\n') ? '' : '\n'}---\n\n${body}\n`;
  if (options.crlf) text = text.replace(/\n/g, '\r\n');
  return Buffer.from(`${options.bom ? '\ufeff' : ''}${text}`, 'utf8');
}

/** Characters that matter to YAML and Markdown, plus Czech letters and Unicode oddities. */
const noise = fc
  .array(
    fc.oneof(
      fc.constantFrom(':', ': ', '- ', '  ', '\t', '"', "'", '#', '&a', '*a', '!', '!!str', '|', '>', '[', ']', '{', '}', ',', '?', '%', '@', '`', '\n', '\r\n', '---', '...', '\\', '<', '&amp;', '**', '_', '~', '1.', '[ ]', '|---|', '<!--', '-->'),
      fc.constantFrom('date', 'group', 'topics', 'attendees', 'name', 'organization', '2021-10-25', 'cizinci', 'null', '~', 'true', '0x1F', '1e3', '.inf'),
      fc.constantFrom('ř', 'ů', 'Ž', '\u00a0', '\u200b', '\u202e', '\u0301', '🙂', '\ufeff', '\u2028', '\u0000', '\u001b'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

// ---- properties ------------------------------------------------------------------------------

describe('generated minutes through parse → validate → extract', () => {
  it('valid frontmatter and Markdown, in any YAML style, BOM or CRLF, stay free of errors', () => {
    fc.assert(
      fc.property(
        validFrontmatter().chain((data) =>
          fc.tuple(fc.constant(data), yamlText(data), fc.array(markdownBlock(), { maxLength: 10 })),
        ),
        ([data, yaml, blocks]) => {
          const result = run(file(yaml.text, blocks.join('\n\n'), yaml), data.date, data.group);
          assertWellFormed(result);
          expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
        },
      ),
      settings(500),
    );
  });

  it('mutated frontmatter (keys dropped, values of any type, unknown keys) yields diagnostics, never a crash', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom('date', 'group', 'topics', 'attendees', 'title') }),
      fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('date', 'group', 'topics', 'attendees', 'time', 'status', 'next_meetings', 'public_contacts', 'venue'), value: fc.jsonValue({ maxDepth: 3 }) }),
      fc.record({ kind: fc.constant('set' as const), key: fc.string({ minLength: 1, maxLength: 12 }), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ kind: fc.constant('attendee' as const), value: fc.dictionary(fc.constantFrom('name', 'organization', 'role', 'nme', 'org'), fc.jsonValue({ maxDepth: 1 })) }),
    );
    fc.assert(
      fc.property(validFrontmatter(), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (data, mutations, crlf) => {
        const mutated: Record<string, unknown> = { ...data };
        for (const m of mutations) {
          if (m.kind === 'drop') delete mutated[m.key];
          else if (m.kind === 'set') mutated[m.key] = m.value;
          else mutated.attendees = [...(Array.isArray(mutated.attendees) ? mutated.attendees : []), m.value];
        }
        assertWellFormed(run(file(stringify(mutated), 'Text.', { bom: false, crlf }), data.date, data.group));
      }),
      settings(700),
    );
  });

  it('noise in the YAML and in the body never crashes and is always told at a real place', () => {
    fc.assert(
      fc.property(noise, noise, fc.boolean(), fc.boolean(), (yaml, body, bom, crlf) => {
        assertWellFormed(run(file(`date: 2021-10-25\ngroup: cizinci\n${yaml}`, body, { bom, crlf })));
        assertWellFormed(run(Buffer.from(`${yaml}\n${body}`)));
      }),
      settings(800),
    );
  });

  it('random Markdown bodies with personal data keep every position inside the file', () => {
    const personal = fc.constantFrom('737 278 806', '+420 608 123 456', 'jana@seznam.cz', '<x@y.cz>', '[m](mailto:a@b.cz)', '850101/1233', 'jana\\_n@x.cz', '&#55;37 278 806');
    fc.assert(
      fc.property(fc.array(fc.oneof(markdownBlock(), personal, noise), { maxLength: 12 }), fc.boolean(), (blocks, crlf) => {
        const result = run(file('date: 2021-10-25\ngroup: cizinci\ntopics: [x]', blocks.join(fc.sample(fc.constantFrom('\n', '\n\n', ' '), 1)[0]), { bom: false, crlf }));
        assertWellFormed(result);
      }),
      settings(600),
    );
  });
});
