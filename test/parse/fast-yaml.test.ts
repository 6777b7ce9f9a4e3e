/**
 * The fast YAML read gives the `yaml` package's data or none: over random frontmatters made of the
 * forms a secretary writes and of those that look alike but mean something else (numbers, nulls,
 * quotes, comments, colons, odd indentation, repeated keys), a generated archive, the real minutes
 * and every fixture, each data it gives must equal `parseDocument(text).toJS()` of a document
 * without errors, and it must take the minutes it is there for.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastYamlData } from '../../src/parse/fast-yaml.ts';
import { parseYamlDocument } from '../../src/parse/yaml-document.ts';
import { parseYamlText } from '../../src/parse/yaml.ts';
import { generatedArchiveForTests, markdownFilesUnder } from '../helpers/generated-archive.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

/** The texts the fast read took, each checked against the package. */
function expectPackagesData(texts: readonly string[]): { taken: number } {
  let taken = 0;
  for (const text of texts) {
    const fast = fastYamlData(text);
    if (!fast) continue;
    taken++;
    const document = parseYamlDocument(text);
    expect({ text, errors: document.errors.map((error) => error.code), data: fast }).toEqual({ text, errors: [], data: document.toJS() });
  }
  return { taken };
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---/;

async function frontmattersUnder(dir: string): Promise<string[]> {
  const texts = await markdownFilesUnder(dir);
  return texts.flatMap((text) => FRONTMATTER.exec(text.replace(/\r\n/g, '\n'))?.[1] ?? []);
}

const USUAL = ['Jana Nováková', 'Naděje, z. s.', 'Tatranská 597 – MML', '2015-01-01', '10:00', '"10:00"', "'Liberec'", 'Šťastná (ČvT)', 'approved'];
const SCALARS = [
  'Jana Nováková', 'Naděje, z. s.', 'Tatranská 597 – MML', '2015-01-01', '10:00', '"10:00"', "'Liberec'", '""', "''",
  '12', '-3', '0.5', '1e3', '.inf', '.NaN', '0x1F', '0o17', '~', 'null', 'Null', 'true', 'False', 'yes', 'no', 'on',
  'a: b', 'konec:', 'C#', 'text # poznámka', '#hned', '"x" # poznámka', '"x"#y', '"a\\"b"', "'it''s'", '"otevřená',
  '- x', '-x', '? x', '& kotva', '*odkaz', '!tag x', '|', '>', '[a, b]', '{a: 1}', '@x', '`x`', '%x', ',x',
  'a\u00a0', '\u00a0b', 'text  ', 'Šťastná (ČvT)', 'e-mail@example.cz', '737 278 806', 'https://kpss.cz/a?b=c#d',
];
const USUAL_KEYS = ['title', 'date', 'time', 'group', 'venue', 'topics', 'attendees', 'name', 'organization'];
const KEYS = ['title', 'date', 'time', 'group', 'venue', 'recorder', 'status', 'source', 'x-y', '_a', 'true', 'null', '1', '__proto__', 'a b', 'klíč', '"q"'];
const SPACES = ['', ' ', '  ', '\u00a0', '\t'];

const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...USUAL_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });
const value = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...USUAL) }, { weight: 1, arbitrary: fc.constantFrom(...SCALARS) });
const space = fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...SPACES) });
const comment = fc.constantFrom('# poznámka', '  # odsazená', '', '   ');
const listItem = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(space, value).map(([s, v]) => `- ${s}${v}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(key, value, key, value, fc.constantFrom(' ', ' ', '  '), fc.constantFrom(0, 0, 0, 1, -1))
      .map(([k1, v1, k2, v2, gap, shift]) => `-${gap}${k1}: ${v1}\n${' '.repeat(gap.length + 1 + shift)}${k2}: ${v2}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('-', '- ', '-x', '  - odsazená') },
);
const entry = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(key, fc.oneof({ weight: 8, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: fc.constantFrom(':  ', ':', ':\t') }), value)
      .map(([k, colon, v]) => `${k}${colon}${v}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(key, fc.constantFrom(0, 2, 2, 4), fc.array(fc.oneof({ weight: 5, arbitrary: listItem }, { weight: 1, arbitrary: comment }), { minLength: 0, maxLength: 4 }))
      .map(([k, indent, items]) => `${k}:\n${items.map((item) => item.split('\n').map((line) => ' '.repeat(indent) + line).join('\n')).join('\n')}`),
  },
  { weight: 1, arbitrary: comment },
  { weight: 1, arbitrary: fc.constantFrom('  odsazený: řádek', 'pokračování textu', '...', '---', '%YAML 1.2', '- položka') },
);
const frontmatter = fc.array(entry, { minLength: 1, maxLength: 5 }).map((entries) => entries.join('\n'));

describe('fast YAML read', () => {
  it('gives the yaml package’s data for every random frontmatter it takes', () => {
    let taken = 0;
    let seen = 0;
    fc.assert(
      fc.property(frontmatter, (text) => {
        seen++;
        taken += expectPackagesData([text]).taken;
      }),
      { numRuns: 6000 },
    );
    // The generator must reach both sides: texts it takes and texts it leaves to the package.
    expect(taken).toBeGreaterThan(seen / 10);
    expect(taken).toBeLessThan(seen);
  });

  describe('on a generated archive', () => {
    const root = generatedArchiveForTests({ minutes: 200, seed: 11 });

    it('takes every minute’s frontmatter and gives the package’s data', async () => {
      const texts = await frontmattersUnder(path.join(root(), 'minutes'));
      expect(texts.length).toBe(200);
      expect(expectPackagesData(texts).taken).toBe(200);
    });
  });

  it('takes the real minutes and gives the package’s data for every fixture it takes', async () => {
    const real = await frontmattersUnder(path.join(REPO, 'minutes'));
    expect(expectPackagesData(real).taken).toBe(real.length);
    const fixtures = await frontmattersUnder(path.join(REPO, 'test'));
    expect(expectPackagesData(fixtures).taken).toBeGreaterThan(fixtures.length / 2);
  });

  it.each([
    ['texts, a list and a list of records', 'title: Jednání\ndate: 2015-01-01\ntime: "10:00"\nattendees:\n  - Jana Nová\n  - name: Petr Beneš\n    organization: Naděje\ntopics:\n- Bydlení\n- Dluhy\nstatus: approved'],
    ['comments and blank lines', '# nový zápis\ntitle: x # poznámka\n\ntopics:\n  # první\n  - a\n\n  - b'],
    ['a colon without a space and a hash without one', 'time: 10:00\nvenue: C#'],
  ])('takes %s', (_, text) => {
    expect(fastYamlData(text)).toBeDefined();
    expectPackagesData([text]);
  });

  it.each([
    ['a number', 'count: 5'],
    ['an empty value', 'venue:'],
    ['a text over two lines', 'title: první\n  druhý'],
    ['a repeated key', 'a: x\na: y'],
    ['an escape in double quotes', 'a: "x\\ty"'],
    ['a flow list', 'topics: [a, b]'],
    ['a nested mapping', 'a:\n  b: c'],
    ['a tab', 'a:\tb'],
  ])('leaves %s to the yaml package', (_, text) => {
    expect(fastYamlData(text)).toBeUndefined();
  });

  it('parses the document only when a range is asked for, and the same as the package', () => {
    const text = 'title: x\ndate: 2015-01-01';
    const parsed = parseYamlText('a.md', text, 4, { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } }, () => ({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }));
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toEqual({ title: 'x', date: '2015-01-01' });
    const descriptor = Object.getOwnPropertyDescriptor(parsed.placement, 'document');
    expect(descriptor?.get).toBeTypeOf('function');
    expect(parsed.placement.document.toJS()).toEqual(parsed.data);
    expect(parsed.placement.document).toBe(parsed.placement.document);
  });
});
