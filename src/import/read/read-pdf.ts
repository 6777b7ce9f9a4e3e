import { createRequire } from 'node:module';
import path from 'node:path';
import { layoutPdfText, type PdfPage, type PdfRun } from './pdf-layout.ts';

// The legacy build is the one pdf.js supports in Node (no DOM, no browser worker).
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/** Loaded on first use: importing pdf.js costs time that runs without a PDF need not pay. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** Where pdf.js finds the metrics of the standard fonts, which PDFs name without embedding them. */
function pdfjsDataFolder(name: string): string {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return `${path.join(root, name)}${path.sep}`;
}

/** A PDF's text, laid out as lines and pages (see pdf-layout.ts); a scanned PDF has none. */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: pdfjsDataFolder('standard_fonts'),
    cMapUrl: pdfjsDataFolder('cmaps'),
    cMapPacked: true,
  });
  const document = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [scaleX, skewY, , scaleY, x, y] = item.transform as number[];
        // Rotated text (a stamp, a sideways table header) is not part of the running text.
        if (Math.abs(skewY ?? 0) > 0.01) continue;
        runs.push({ text: item.str, x: x ?? 0, y: y ?? 0, width: item.width, size: Math.abs(scaleY ?? scaleX ?? 10) });
      }
      pages.push({ width: page.view[2]! - page.view[0]!, runs });
      page.cleanup();
    }
    return layoutPdfText(pages);
  } finally {
    await task.destroy();
  }
}
