/** A line's text as read by the field rules: without bold markers and outer spaces. */
export function plainText(line: string): string {
  return line.replace(/\*\*/g, '').trim();
}

/** "- ", "• ", "1. ", "2) ", "a) " at the start of a line: how points are written. */
export interface ListMarker {
  kind: 'bullet' | 'number' | 'letter';
  /** 1-based position: "3." is 3, "c)" is 3; 0 for bullets. */
  number: number;
  indent: number;
  /** The text after the marker. */
  text: string;
}

const BULLET = /^( *)[-–•▪◦*]\s+(\S.*)$/;
const NUMBER = /^( *)(\d{1,2})[.)]\s+(\S.*)$/;
const LETTER = /^( *)([a-z])\)\s+(\S.*)$/;
// "6. 4. 2020 proběhne…", "25. října…": a date at the start of a line is no numbered point.
const DATE_AFTER_NUMBER = /^(?:\d{1,2}\.|(?:led|úno|bře|dub|kvě|čer|srp|zář|říj|lis|pro)\p{L}*\s+\d{4})/iu;

export function listMarker(line: string): ListMarker | undefined {
  const bullet = BULLET.exec(line);
  // "**Naděje**…" opens with bold, not with a "*" bullet.
  if (bullet && !line.trimStart().startsWith('**')) return { kind: 'bullet', number: 0, indent: bullet[1]!.length, text: bullet[2]! };
  const number = NUMBER.exec(line);
  if (number && !DATE_AFTER_NUMBER.test(number[3]!)) {
    return { kind: 'number', number: Number(number[2]), indent: number[1]!.length, text: number[3]! };
  }
  const letter = LETTER.exec(line);
  if (letter) return { kind: 'letter', number: letter[2]!.charCodeAt(0) - 96, indent: letter[1]!.length, text: letter[3]! };
  return undefined;
}

export function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}
