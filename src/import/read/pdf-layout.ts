/**
 * Positioned text runs of a PDF → the plain lines the later stages read, as if the document had
 * been saved as text: one line per paragraph, blank lines where the page shows a blank line,
 * leading spaces for indentation, and a form feed between pages (page furniture and sentences
 * broken by a page break are the clean stage's business, for PDFs and text exports alike).
 * Pure: the PDF library is kept out so that the layout rules can be tested on plain numbers.
 */

/** One run of text as the PDF places it: x/y of its baseline start, in PDF units (y grows upwards). */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size, from the text matrix. */
  size: number;
}

export interface PdfPage {
  width: number;
  runs: PdfRun[];
}

interface VisualLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

export function layoutPdfText(pages: readonly PdfPage[]): string {
  const visual = pages.map((page) => visualLines(page.runs));
  const all = visual.flat();
  if (all.length === 0) return '';
  const metrics = documentMetrics(all, pages);
  return visual.map((lines) => pageText(lines, metrics).join('\n')).join('\n\f\n');
}

interface Metrics {
  left: number;
  right: number;
  charWidth: number;
  lineGap: number;
}

/**
 * The body's left edge is where most lines start; its right edge is where the longest lines end,
 * but never past the mirror of the left margin (a long URL may overflow the margin).
 */
function documentMetrics(lines: readonly VisualLine[], pages: readonly PdfPage[]): Metrics {
  const left = mode(lines.map((l) => Math.round(l.x * 2) / 2));
  const pageWidth = Math.max(...pages.map((p) => p.width));
  const longest = Math.max(...lines.map((l) => l.right));
  const right = pageWidth > 0 ? Math.min(longest, pageWidth - left) : longest;
  const widths = lines.filter((l) => l.text.trim().length >= 8).map((l) => (l.right - l.x) / l.text.length);
  const charWidth = median(widths) ?? 5;
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y;
    if (gap > 0) gaps.push(Math.round(gap * 10) / 10);
  }
  const lineGap = gaps.length ? mode(gaps) : 12;
  return { left, right, charWidth, lineGap };
}

function pageText(lines: readonly VisualLine[], metrics: Metrics): string[] {
  const out: string[] = [];
  let previous: VisualLine | undefined;
  for (const line of lines) {
    const blankBefore = previous !== undefined && previous.y - line.y > metrics.lineGap * 1.5;
    if (previous && !blankBefore && continuesParagraph(previous, line, metrics)) {
      out[out.length - 1] = joinWrapped(out[out.length - 1]!, line.text.trim());
    } else {
      if (blankBefore) out.push('');
      const indent = Math.max(0, Math.round((line.x - metrics.left) / metrics.charWidth));
      out.push(' '.repeat(indent) + line.text.trim());
    }
    previous = line;
  }
  return out;
}

const LIST_MARKER = /^(?:[-–•▪◦*]\s|\d{1,2}[.)]\s|[a-z]\)\s)/;

/**
 * A line continues the paragraph above when the line above was full: its next word would not
 * have fitted before the right margin, so the line was wrapped, not ended. A list marker always
 * starts a new paragraph.
 */
function continuesParagraph(above: VisualLine, line: VisualLine, metrics: Metrics): boolean {
  const text = line.text.trim();
  if (LIST_MARKER.test(text)) return false;
  // Czech typography never ends a line with a one-letter word ("v", "z", "k", "a"): it is bound to
  // the next word by a non-breaking space, which the PDF's text shows as a plain one.
  const firstWord = /^(?:[ksvzouaiKSVZOUAI]\s+)?\S+/.exec(text)?.[0] ?? '';
  const perChar = (line.right - line.x) / Math.max(1, line.text.length);
  const needed = (firstWord.length + 1) * perChar;
  return above.right + needed > metrics.right + perChar * 0.5;
}

/**
 * Rejoins a wrapped line. A line broken after a hyphen or inside an <…> link was broken inside a
 * word ("strategie-" + "projekty/…"), so no space goes between.
 */
export function joinWrapped(above: string, below: string): string {
  const insideLink = /<[^>\s]*$/.test(above);
  const afterHyphen = /\p{L}-$/u.test(above);
  return insideLink || afterHyphen ? `${above}${below}` : `${above} ${below}`;
}

/** Runs on one baseline form a line, read left to right; a visible gap between runs is a space. */
function visualLines(runs: readonly PdfRun[]): VisualLine[] {
  const sorted = runs
    .filter((r) => r.text.length > 0)
    .map((r, order) => ({ ...r, order }))
    .sort((a, b) => b.y - a.y || a.order - b.order);
  const groups: (typeof sorted)[] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    if (group && Math.abs(group[0]!.y - run.y) <= Math.max(1, run.size * 0.4)) group.push(run);
    else groups.push([run]);
  }
  return groups
    .map((group) => {
      group.sort((a, b) => a.x - b.x || a.order - b.order);
      let text = '';
      let end = -Infinity;
      for (const run of group) {
        const gap = run.x - end;
        if (text && gap > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
        text += run.text;
        end = Math.max(end, run.x + run.width);
      }
      const x = group[0]!.x + leadingSpaceWidth(group[0]!);
      return { text: text.replace(/\s+$/, ''), x, right: end, y: group[0]!.y, size: group[0]!.size };
    })
    .filter((line) => line.text.trim() !== '');
}

/** A run that begins with spaces starts, visibly, where its first letter is. */
function leadingSpaceWidth(run: PdfRun): number {
  const spaces = /^\s*/.exec(run.text)![0].length;
  return spaces && run.text.length ? (run.width / run.text.length) * spaces : 0;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value < best)) [best, bestCount] = [value, count];
  }
  return best;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
