import { labelOf } from './labels.ts';
import { plainText } from './markup.ts';

export interface Signature {
  kind: 'recorder' | 'verifier';
  name: string;
}

/**
 * "Zpracoval: Lukáš Průcha", "Zapsala: Jana Nováková, 10. 1. 2024", "Zapsala: J. Nováková,
 * ověřil: P. Svoboda": the people who wrote and checked the minute, without the dates they signed.
 */
export function parseSignatures(line: string): Signature[] {
  const plain = plainText(line);
  const parts = plain.split(/[,;]\s*(?=(?:ověřil|ověřovatel|zapsal|zpracoval|zapisovatel))/iu);
  const found: Signature[] = [];
  for (const part of parts) {
    const label = labelOf(part);
    if (!label || (label.kind !== 'recorder' && label.kind !== 'verifier')) return found.length ? found : [];
    const name = label.rest
      .replace(/(?:,\s*|\s+dne\s+|\s+)\d{1,2}\.\s*\d{1,2}\.\s*\d{4}.*$/u, '')
      .replace(/[\s,;]+$/, '')
      .trim();
    found.push({ kind: label.kind, name });
  }
  return found;
}
