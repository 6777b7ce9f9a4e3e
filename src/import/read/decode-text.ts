import iconv from 'iconv-lite';

/** How a text file was written, reported so that a surprising decode can be told apart from bad input. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'iso-8859-2';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Legacy .txt minutes were saved by Notepad and Word on Czech Windows: UTF-8 with or without a BOM,
 * "Unicode" (UTF-16 with a BOM), or the ANSI code page Windows-1250. Bytes that are valid UTF-8 are
 * UTF-8 (a Czech text in Windows-1250 practically never is); the rest is a Czech 8-bit code page.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: normalizeNewlines(buffer.subarray(3).toString('utf8')), encoding: 'utf-8' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: normalizeNewlines(iconv.decode(buffer.subarray(2), 'utf-16le')), encoding: 'utf-16le' };
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: normalizeNewlines(iconv.decode(buffer.subarray(2), 'utf-16be')), encoding: 'utf-16be' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return { text: normalizeNewlines(text), encoding: 'utf-8' };
  } catch {
    const encoding = guessCzechCodePage(buffer);
    return { text: normalizeNewlines(iconv.decode(buffer, encoding)), encoding };
  }
}

/**
 * Windows-1250 and ISO-8859-2 differ in where they put š, ž, ť, Š, Ž, Ť: whichever code page has
 * more of those letters in the text is the one it was written in (Windows-1250 when undecided).
 */
function guessCzechCodePage(bytes: Uint8Array): 'windows-1250' | 'iso-8859-2' {
  let windows = 0;
  let iso = 0;
  for (const b of bytes) {
    if (b === 0x9a || b === 0x9e || b === 0x9d || b === 0x8a || b === 0x8e || b === 0x8d) windows++;
    if (b === 0xb9 || b === 0xbe || b === 0xbb || b === 0xa9 || b === 0xae || b === 0xab) iso++;
  }
  return iso > windows ? 'iso-8859-2' : 'windows-1250';
}

function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
