import crypto from 'node:crypto';

/**
 * SHA-1 of a string (as UTF-8) or of bytes, in one call. crypto.hash (Node 20.12) costs a quarter of
 * createHash().update().digest() per small input, and the build hashes some 100,000 of them (digests
 * of the objects pages share, the seals of the cache entries it reads); older Node takes the long way.
 */
export const sha1: (input: string | Uint8Array, encoding: 'hex' | 'base64') => string =
  typeof crypto.hash === 'function'
    ? (input, encoding) => crypto.hash('sha1', input, encoding)
    : (input, encoding) => crypto.createHash('sha1').update(input).digest(encoding);
