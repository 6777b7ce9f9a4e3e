import { fold } from '../../text/normalize.ts';

// "Strana 3 z 4", "str. 3", "3/4", "3 z 4": a page number by its wording.
const WORDED_PAGE_NUMBER = /^\s*(?:(?:strana|stránka|str\.)\s*\d{1,3}(?:\s*(?:\/|z|ze)\s*\d{1,3})?|\d{1,3}\s*(?:\/|z|ze)\s*\d{1,3})\s*$/i;
// "3", "- 3 -": a page number only where there are pages (a PDF, a text with form feeds).
const BARE_PAGE_NUMBER = /^\s*(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?\s*$/;
/** How far from a page's edge page furniture stands, in non-blank lines. */
const EDGE = 3;

export function isPageNumber(line: string, paged: boolean): boolean {
  return WORDED_PAGE_NUMBER.test(line) || (paged && BARE_PAGE_NUMBER.test(line));
}

/**
 * Page numbers and lines repeated at the top or bottom of the pages (a running header or footer
 * other than the letterhead): they are the page's, not the minute's. Only a page's edges are
 * looked at, so a number or a phrase in the text is never taken for furniture.
 */
export function removePageFurniture(pages: readonly string[][]): string[][] {
  const edgeKey = (line: string) => fold(line).replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const pagesWithKey = new Map<string, number>();
  if (pages.length > 1) {
    for (const page of pages) {
      const keys = new Set(edgeLines(page).map((i) => edgeKey(page[i]!)));
      for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
    }
  }
  const repeated = (line: string) => {
    const key = edgeKey(line);
    const count = pagesWithKey.get(key) ?? 0;
    return key.length >= 3 && count >= 2 && count * 2 >= pages.length;
  };
  return pages.map((page) => {
    const drop = new Set(edgeLines(page).filter((i) => isPageNumber(page[i]!, pages.length > 1) || repeated(page[i]!)));
    return page.filter((_, i) => !drop.has(i));
  });
}

/** Indexes of the first and last few non-blank lines of a page. */
function edgeLines(page: readonly string[]): number[] {
  const filled = page.flatMap((line, i) => (line.trim() ? [i] : []));
  return [...new Set([...filled.slice(0, EDGE), ...filled.slice(-EDGE)])];
}
