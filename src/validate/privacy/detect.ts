/**
 * Finds personal data in one piece of plain text (a text node of the mdast, a YAML string value):
 * Czech phone numbers, e-mail addresses and birth numbers (rodné číslo). Pure functions of a
 * string, so they are tested on their own; positions are offsets into that string.
 */
export type PersonalDataKind = 'phone' | 'email' | 'birth-number';

export interface Found {
  kind: PersonalDataKind;
  /** Offsets of the occurrence in the searched text. */
  start: number;
  end: number;
  /** The occurrence as written. */
  text: string;
  /** The comparable form: digits of a phone without +420, a lower-case address, digits of a birth number. */
  normalized: string;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\p{L}\p{N}_-])/gu;

// Separators inside a phone number: a space, a no-break space or a thin space (as word processors write them), or a hyphen.
const SEP = '[ \\u00a0\\u202f-]';
/**
 * A Czech number has nine digits and starts with 2–9: "737 278 806", "737278806", "+420 737 278 806",
 * "00420 737-278-806". Digits may not continue it on either side ("2 500 000 000" is an amount).
 */
const PHONE = new RegExp(
  String.raw`(?<![\p{N}])(?<![\p{N}][ \u00a0\u202f.,])(?:(?:\+|00)420${SEP}?)?([2-9]\d{2})(${SEP}?)(\d{3})\2(\d{3})(?![\p{N}])(?![ \u00a0\u202f.,]\d)`,
  'gu',
);

/** YYMMDD/XXXX, YYMMDD/XXX, or the same without the slash; not a part of a longer number or a bank account. */
const BIRTH_NUMBER = /(?<![\p{N}/-])(\d{2})(\d{2})(\d{2})(\/?)(\d{3,4})(?![\p{N}])(?!\/\d)/gu;

/** Words after a number that make it an amount, not a phone number. */
const AMOUNT_AFTER = /^\s*(?:Kč|CZK|EUR|€|\$|,-|korun|tis\.|mil\.|osob|obyvatel|m2|m²|km)/i;

/** Digits a phone number or birth number must have, at the least (a nine-digit birth number). */
const SOME_DIGITS = /\d{2}/;

export function findPersonalData(text: string): Found[] {
  const found: Found[] = [];
  // Most text of a minute has no run of digits and no @: the patterns below could not match it,
  // and this is called for every text node, so it is dismissed before they run.
  const digitsFree = !SOME_DIGITS.test(text);
  if (digitsFree && !text.includes('@')) return found;
  if (!digitsFree) findNumbers(text, found);
  if (text.includes('@')) {
    for (const match of text.matchAll(EMAIL)) {
      found.push({
        kind: 'email',
        start: match.index,
        end: match.index + match[0].length,
        text: match[0],
        normalized: match[0].toLowerCase(),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function findNumbers(text: string, found: Found[]): void {
  for (const match of text.matchAll(BIRTH_NUMBER)) {
    const [whole, yy, mm, dd, , serial] = match;
    // After +420 it is a phone number, whatever its digits look like.
    const phonePrefix = /(?:\+|00)420[ \u00a0\u202f-]?$/.test(text.slice(0, match.index));
    if (!phonePrefix && isBirthNumber(yy!, mm!, dd!, serial!)) {
      found.push({ kind: 'birth-number', start: match.index, end: match.index + whole.length, text: whole, normalized: digits(whole) });
    }
  }
  for (const match of text.matchAll(PHONE)) {
    const whole = match[0];
    const start = match.index;
    const end = start + whole.length;
    if (found.some((f) => f.start < end && start < f.end)) continue; // a birth number, already told
    const national = `${match[1]}${match[3]}${match[4]}`;
    if (AMOUNT_AFTER.test(text.slice(end))) continue;
    // Round amounts and ids written in groups of three: 250 000 000.
    if (national.endsWith('000000')) continue;
    found.push({ kind: 'phone', start, end, text: whole, normalized: national });
  }
}

/** The comparable form of something a secretary wrote in an acknowledgement or a register contact. */
export function normalizePersonalData(written: string): string[] {
  const text = written.trim();
  if (text.includes('@')) return [text.toLowerCase()];
  const allDigits = digits(text);
  const forms = [allDigits];
  const national = allDigits.replace(/^(?:00)?420(?=\d{9}$)/, '');
  if (national !== allDigits) forms.push(national);
  return forms;
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * A birth number: a real date (month +50 for women, +20/+70 when the numbers of a day ran out,
 * since 2004), nine digits only before 1954, ten digits from 1954 with the mod-11 check digit
 * (a remainder of 10 gave check digit 0, as issued until 1985).
 */
export function isBirthNumber(yy: string, mm: string, dd: string, serial: string): boolean {
  const y = Number(yy);
  let month = Number(mm);
  const day = Number(dd);
  let year: number;
  if (serial.length === 3) {
    if (y >= 54) return false;
    year = 1900 + y;
    if (month > 50) month -= 50;
  } else {
    year = y >= 54 ? 1900 + y : 2000 + y;
    if (month > 70 && year >= 2004) month -= 70;
    else if (month > 50) month -= 50;
    else if (month > 20 && year >= 2004) month -= 20;
    const first = Number(`${yy}${mm}${dd}${serial.slice(0, 3)}`);
    let check = first % 11;
    if (check === 10) check = 0;
    if (check !== Number(serial[3])) return false;
  }
  if (month < 1 || month > 12 || day < 1 || year > new Date().getUTCFullYear()) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
