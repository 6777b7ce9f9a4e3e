import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import/read/decode-text.ts';
import { docxHtmlToText } from '../../src/import/read/docx-html.ts';
import { joinWrapped, layoutPdfText, type PdfRun } from '../../src/import/read/pdf-layout.ts';
import { readDocument } from '../../src/import/read/read-document.ts';

describe('text decoding', () => {
  // No en dash: ISO-8859-2 has none (Windows-1250's own punctuation is checked below).
  const czech = 'Přítomni: Šťastná, Žáček, Ťukal - ďábelsky úžasné';
  it.each([
    ['UTF-8', Buffer.from(czech, 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(czech, 'utf8')]), 'utf-8'],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(czech, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(czech, 'utf-16be')]), 'utf-16be'],
    ['Windows-1250', iconv.encode(czech, 'windows-1250'), 'windows-1250'],
    ['ISO-8859-2', iconv.encode(czech, 'iso-8859-2'), 'iso-8859-2'],
  ])('%s', (_, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: czech, encoding });
  });

  it('Windows-1250 punctuation: dashes and Czech quotes', () => {
    expect(decodeText(iconv.encode('„Tatranská 597 – MML“', 'windows-1250')).text).toBe('„Tatranská 597 – MML“');
  });

  it('turns Windows and old Mac line ends into \\n', () => {
    expect(decodeText(Buffer.from('a\r\nb\rc')).text).toBe('a\nb\nc');
  });
});

describe('Word (mammoth HTML) → lines', () => {
  it('keeps paragraphs, empty paragraphs as blank lines, and leading spaces', () => {
    expect(docxHtmlToText('<p>Témata setkání:</p><p></p><p>1. Asistenti</p><p> 2. Doklady</p>')).toBe('Témata setkání:\n\n1. Asistenti\n 2. Doklady');
  });

  it('spells out Word lists, nested by level, continuing paragraphs indented under their point', () => {
    const html = '<ol><li>Úvod</li><li>Informace<ul><li>ASZ je pod MMR</li></ul></li></ol><ul><li><p>Bod</p><p>Další odstavec</p></li></ul>';
    expect(docxHtmlToText(html)).toBe('1. Úvod\n2. Informace\n   - ASZ je pod MMR\n- Bod\n  Další odstavec');
  });

  it('keeps bold as **…** hugging its words, merging adjacent runs', () => {
    expect(docxHtmlToText('<p><strong>Naděje </strong><strong>DC</strong> - po materiální stránce</p>')).toBe('**Naděje DC** - po materiální stránce');
  });

  it('keeps links: a bare address as written, other text as a Markdown link; Word’s own anchors dropped', () => {
    expect(docxHtmlToText('<p>Web <a href="https://www.mapabezdomova.cz/">https://www.mapabezdomova.cz/</a></p>')).toBe('Web https://www.mapabezdomova.cz/');
    expect(docxHtmlToText('<p>Viz <a href="https://liberec.cz/plan">plán města</a>.</p>')).toBe('Viz [plán města](https://liberec.cz/plan).');
    expect(docxHtmlToText('<p>Text<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>')).toBe('Text[1]');
  });

  it('a line break inside bold keeps both lines bold', () => {
    expect(docxHtmlToText('<p><strong>Naděje<br />Návrat</strong> text</p>')).toBe('**Naděje**\n**Návrat** text');
  });

  it('decodes entities and breaks lines at <br>', () => {
    expect(docxHtmlToText('<p>&lt;https://x.cz/&gt; &amp; dál<br />druhý řádek</p>')).toBe('<https://x.cz/> & dál\ndruhý řádek');
  });

  it('reads a table row as one line, a label cell with its value', () => {
    expect(docxHtmlToText('<table><tr><td><p>Datum:</p></td><td><p>8. 1. 2024</p></td></tr><tr><td>Jana</td><td>Naděje</td></tr></table>')).toBe(
      'Datum: 8. 1. 2024\nJana – Naděje',
    );
  });
});

describe('PDF layout → lines', () => {
  // Courier 10 pt: every character 6 units wide, lines 11.35 apart, wrapped at 80 characters.
  const run = (text: string, line: number, indent = 0): PdfRun => ({ text, x: 56.8 + indent * 6, y: 776.8 - line * 11.35, width: text.length * 6, size: 10 });
  const page = (...runs: PdfRun[]) => ({ width: 595.3, runs });
  const full = 'a'.repeat(70) + ' konec';

  it('joins a wrapped line; a short line ends its paragraph; a gap is a blank line', () => {
    const text = layoutPdfText([page(run(full, 0), run('pokračování.', 1), run('Nový odstavec.', 2), run('Po mezeře.', 4))]);
    expect(text).toBe(`${full} pokračování.\nNový odstavec.\n\nPo mezeře.`);
  });

  it('a point starts a new line even under a full line; indentation becomes spaces', () => {
    const text = layoutPdfText([page(run(full, 0), run('- Debata o složení', 1, 1))]);
    expect(text).toBe(`${full}\n - Debata o složení`);
  });

  it('a one-letter word opening the next line was bound to its neighbour: the line above was full', () => {
    const above = 'a'.repeat(72) + ' výstupy';
    expect(layoutPdfText([page(run(above, 0), run('z konferencí, zákony', 1))])).toBe(`${above} z konferencí, zákony`);
  });

  it('runs on one baseline are one line, with a space where the page shows a gap', () => {
    const first = run('R E G I O N', 0);
    const second: PdfRun = { text: 'U', x: first.x + first.width + 6, y: first.y, width: 6, size: 10 };
    expect(layoutPdfText([page(first, second)])).toBe('R E G I O N U');
  });

  it('pages are separated by a form feed', () => {
    expect(layoutPdfText([page(run('Strana jedna.', 0)), page(run('Strana dvě.', 0))])).toBe('Strana jedna.\n\f\nStrana dvě.');
  });

  it('a word broken after a hyphen, or a link broken inside <…>, is joined without a space', () => {
    expect(joinWrapped('<https://www.liberec.cz/strategie-', 'projekty/>')).toBe('<https://www.liberec.cz/strategie-projekty/>');
    expect(joinWrapped('<https://zpravy.cz/bydleni/', 'r~f111/>')).toBe('<https://zpravy.cz/bydleni/r~f111/>');
    expect(joinWrapped('věc', 'další')).toBe('věc další');
  });
});

describe('formats', () => {
  it('an old Word .doc is refused with what to do', async () => {
    await expect(readDocument('zapis.doc', Buffer.from('x'))).rejects.toThrow(/\.docx/);
  });

  it('a binary file named .txt, and a minute that is already the archive’s, are refused with why', async () => {
    await expect(readDocument('zapis.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).rejects.toThrow(/není text/);
    await expect(readDocument('zapis.md', Buffer.from('---\ndate: 2021-10-25\n---\n\nText.\n'))).rejects.toThrow(/už je zápis archivu/);
  });

  it('a broken PDF is a read error, not a crash', async () => {
    await expect(readDocument('zapis.pdf', Buffer.from('%PDF-1.4 nothing'))).rejects.toThrow(/nelze přečíst jako PDF/);
  });

  it('a broken .docx is a read error, not a crash', async () => {
    await expect(readDocument('zapis.docx', Buffer.from('PK nothing'))).rejects.toThrow(/nelze přečíst jako dokument Wordu/);
  });
});
