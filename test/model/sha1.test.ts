/**
 * sha1 (src/model/sha1.ts): crypto.hash where Node has it (20.12+), createHash on older Node; both
 * give the SHA-1 of a string's UTF-8 bytes or of the bytes given.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

const inputs: (string | Uint8Array)[] = ['', 'Zápis z jednání', Buffer.from('{"a":1}\n'), new Uint8Array([0, 255, 1])];
const expected = (input: string | Uint8Array, encoding: 'hex' | 'base64') => createHash('sha1').update(input).digest(encoding);

describe('sha1', () => {
  it('is the SHA-1 of the UTF-8 text or of the bytes, in hex or base64', async () => {
    const { sha1 } = await import('../../src/model/sha1.ts');
    for (const input of inputs) {
      expect(sha1(input, 'hex')).toBe(expected(input, 'hex'));
      expect(sha1(input, 'base64')).toBe(expected(input, 'base64'));
    }
  });

  it('is the same on a Node without crypto.hash', async () => {
    vi.resetModules();
    vi.doMock('node:crypto', async (importOriginal) => {
      const actual = await importOriginal<typeof import('node:crypto')>();
      return { ...actual, default: { ...actual, hash: undefined } };
    });
    try {
      const { sha1 } = await import('../../src/model/sha1.ts');
      for (const input of inputs) expect(sha1(input, 'base64')).toBe(expected(input, 'base64'));
    } finally {
      vi.doUnmock('node:crypto');
      vi.resetModules();
    }
  });
});
