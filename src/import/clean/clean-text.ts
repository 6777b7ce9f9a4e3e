import { isStrayMarker, normalizeLine } from './characters.ts';
import { findHeaderBlocks } from './header-block.ts';
import { joinPages } from './page-breaks.ts';
import { removePageFurniture } from './page-furniture.ts';

export interface CleanDocument {
  /** The document's lines without furniture, one paragraph a line, blank lines kept. */
  lines: string[];
  /** Group names written under the letterhead: the document's own word for its group. */
  headerGroupLines: string[];
}

export interface CleanOptions {
  isGroupName: (line: string) => boolean;
}

/**
 * Text of any format → the minute's own lines. Removes what the page added (the KPSS letterhead
 * on every page, page numbers, running headers and footers, empty list markers) and joins a
 * sentence that a page break cut in two. A letterhead inside the text marks a page break too:
 * text copied out of a PDF viewer has the letterhead but no form feed.
 */
export function cleanText(text: string, options: CleanOptions): CleanDocument {
  const headerGroupLines: string[] = [];
  const pages: string[][] = [];
  for (const page of text.replace(/\r\n?/g, '\n').split('\f')) {
    const lines = page.split('\n').map(normalizeLine);
    let from = 0;
    for (const block of findHeaderBlocks(lines, options.isGroupName)) {
      if (block.groupLine) headerGroupLines.push(block.groupLine);
      if (lines.slice(from, block.start).some((line) => line.trim() !== '')) pages.push(lines.slice(from, block.start));
      from = block.end;
    }
    pages.push(lines.slice(from));
  }
  const withoutMarkers = pages.map((page) => page.filter((line) => !isStrayMarker(line)));
  return { lines: joinPages(removePageFurniture(withoutMarkers)), headerGroupLines };
}
