/**
 * Characters that look like nothing or like a space: Word's non-breaking spaces (which a PDF turns
 * into plain ones, so keeping them would make the same minute differ by format), soft hyphens,
 * zero-width marks, tabs. Runs of spaces inside a line are one space; the indentation at the start
 * of a line is kept, because it is how nested points were written.
 */
export function normalizeLine(line: string): string {
  const plain = line
    // One form per letter: Czech letters typed as base + combining mark compare and fold like the rest.
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/^\t+/, (tabs) => '    '.repeat(tabs.length))
    .replace(/\t/g, ' ');
  const indent = /^ */.exec(plain)![0];
  return indent + plain.slice(indent.length).replace(/ {2,}/g, ' ').trimEnd();
}

/** A line that is only a list marker, left over from an empty point ("-", "•"): no content. */
export function isStrayMarker(line: string): boolean {
  return /^\s*[-–—•▪◦·*]\s*$/.test(line);
}
