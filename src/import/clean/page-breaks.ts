const LIST_MARKER = /^\s*(?:[-–•▪◦*]\s|\d{1,2}[.)]\s|[a-z]\)\s)/;

/**
 * Whether the text after a page break goes on with the sentence before it: the sentence was not
 * finished (no full stop, colon…) and the next page goes on in lower case, or the line before
 * ends with a comma, which no paragraph does.
 */
export function continuesAcrossBreak(before: string, after: string): boolean {
  const end = before.trimEnd();
  const start = after.trimStart();
  if (!end || !start || LIST_MARKER.test(start)) return false;
  if (/[.!?:;]$/.test(end)) return false;
  return /^\p{Ll}/u.test(start) || /,$/.test(end);
}

/** The two halves as one line: a word hyphenated across the break is one word again. */
export function joinAcrossBreak(before: string, after: string): string {
  const end = before.trimEnd();
  const start = after.trimStart();
  return /\p{L}-$/u.test(end) ? `${end}${start}` : `${end} ${start}`;
}

/**
 * Pages → one run of lines. A page break never adds a blank line (a PDF does not show whether
 * there was one), and a sentence broken by it is joined again.
 */
export function joinPages(pages: readonly string[][]): string[] {
  const lines: string[] = [];
  pages.forEach((page, index) => {
    const body = trimBlankEdges(page, index > 0, index < pages.length - 1);
    const last = lastFilled(lines);
    const first = body.findIndex((line) => line.trim() !== '');
    if (index > 0 && last !== undefined && first >= 0 && continuesAcrossBreak(lines[last]!, body[first]!)) {
      lines.length = last + 1;
      lines[last] = joinAcrossBreak(lines[last]!, body[first]!);
      lines.push(...body.slice(first + 1));
    } else {
      if (index > 0) while (lines.length && lines.at(-1)!.trim() === '') lines.pop();
      lines.push(...body);
    }
  });
  return lines;
}

function trimBlankEdges(page: readonly string[], start: boolean, end: boolean): string[] {
  let from = 0;
  let to = page.length;
  if (start) while (from < to && page[from]!.trim() === '') from++;
  if (end) while (to > from && page[to - 1]!.trim() === '') to--;
  return page.slice(from, to);
}

function lastFilled(lines: readonly string[]): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim() !== '') return i;
  return undefined;
}
