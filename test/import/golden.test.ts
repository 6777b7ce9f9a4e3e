/**
 * Golden tests: the three real legacy minutes, from each of their formats, import to the
 * committed minutes in minutes/; the synthetic variants import to test/fixtures/import/expected/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, PDF_FILE } from '../fixtures/import/make-pdf.mjs';
import { convert, EXPECTED, LEGACY, LEGACY_REQUIRED, ROOT, VARIANTS } from './helpers.ts';

const REAL = [
  { source: '000_e19ad722fbedafdb', minute: 'minutes/2021/2021-10-25-cizinci.md' },
  { source: '002_c14c707f4ebc0763', minute: 'minutes/2018/2018-02-12-cizinci.md' },
  { source: '003_815f600563b47a09', minute: 'minutes/2020/2020-02-17-cizinci.md' },
];

describe.skipIf(!LEGACY_REQUIRED && !existsSync(LEGACY))('the real legacy minutes import to the committed minutes', () => {
  for (const { source, minute } of REAL) {
    describe(source, () => {
      // `public_contacts` is the secretary's acknowledgement, added after the import (docs/reliability.md).
      const committed = readFileSync(path.join(ROOT, minute), 'utf8').replace(/^public_contacts:\n(?: {2}- .*\n)+/m, '');
      it.each(['txt', 'docx', 'pdf'])('from .%s', async (extension) => {
        const result = await convert(path.join(LEGACY, `${source}.${extension}`));
        expect(result.ok, JSON.stringify(result)).toBe(true);
        if (!result.ok) return;
        expect(result.markdown).toBe(committed);
        expect(path.relative(ROOT, result.target).split(path.sep).join('/')).toBe(minute);
        expect(result.review).toEqual([]);
      });
    });
  }
});

describe('synthetic variants', () => {
  const expected = (name: string) => readFileSync(path.join(EXPECTED, `${name}.md`), 'utf8');

  it('another group, labelled head, lettered agenda, bold and "Informace ASZ:" updates, announced dates', async () => {
    const result = await convert(path.join(VARIANTS, 'rps-2024-01-08.txt'));
    expect(result.ok && result.markdown).toBe(expected('rps-2024-01-08'));
    expect(result.review).toEqual([]);
  });

  it('a heading on two lines, a numeric date "14. 10. 2020", no "Přítomni": still a minute, the review says so', async () => {
    const result = await convert(path.join(VARIANTS, 'dusevni-zdravi-2020-10-14.txt'));
    expect(result.ok && result.markdown).toBe(expected('dusevni-zdravi-2020-10-14'));
    expect(result.review).toEqual(['Nenalezen seznam přítomných („Přítomni:“).']);
  });

  it('a two-page PDF: letterhead and group name on every page, page numbers, a sentence across the page break', async () => {
    const result = await convert(PDF_FILE);
    expect(result.ok && result.markdown).toBe(expected('deti-a-mladez-2019-03-12'));
    expect(result.review).toEqual([]);
  });

  it('the committed PDF is what make-pdf.mjs writes', () => {
    expect(readFileSync(PDF_FILE).equals(makePdf())).toBe(true);
  });

  it('a document that names no group is an error, not a guess; --group tells it', async () => {
    const file = path.join(VARIANTS, 'no-group.txt');
    const result = await convert(file);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Nelze určit pracovní skupinu') });
    const told = await convert(file, 'rps');
    expect(told.ok && told.target).toBe(path.join(ROOT, 'minutes', '2022', '2022-02-03-rps.md'));
  });
});

describe('encodings: the same minute however the .txt was saved', () => {
  const text = readFileSync(path.join(VARIANTS, 'rps-2024-01-08.txt'), 'utf8');
  const golden = readFileSync(path.join(EXPECTED, 'rps-2024-01-08.md'), 'utf8');
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-import-encodings-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['Windows-1250', () => iconv.encode(text, 'windows-1250')],
    ['ISO-8859-2', () => iconv.encode(text, 'iso-8859-2')],
    ['UTF-8 with a BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE with a BOM ("Unicode" in Notepad)', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['Windows line ends', () => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')],
  ])('%s', async (encoding, bytes) => {
    const encoded = bytes();
    // A Windows-1250 file is not valid UTF-8: the test would prove nothing if it were.
    if (encoding === 'Windows-1250') expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow();
    // The same base name in its own folder: `source` is the file's name, so the minutes compare equal.
    const file = path.join(dir, encoding.replace(/\W+/g, '-'), 'rps-2024-01-08.txt');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, encoded);
    const result = await convert(file);
    expect(result.ok && result.markdown).toBe(golden);
  });
});
