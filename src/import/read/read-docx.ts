import mammoth from 'mammoth';
import { docxHtmlToText } from './docx-html.ts';

/**
 * Word → text through mammoth's HTML rather than its raw text: the HTML keeps what the raw text
 * loses (Word's automatic list numbering, bold organization names, links), and with empty
 * paragraphs kept it keeps the blank lines secretaries use to separate points.
 */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { value } = await mammoth.convertToHtml(
    { buffer },
    {
      ignoreEmptyParagraphs: false,
      // Pictures (logos, signatures) carry no text; do not inline them as base64.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  return docxHtmlToText(value);
}
