/**
 * View objects that many pages show — a meeting's card is on its neighbours', group's, year's and
 * organizations' pages; an update is on its meeting's and its organization's page — stand in a
 * page's data hash (incremental.ts) as a digest of their content, made once. At 10,000 minutes the
 * pages' data were 190 MB of JSON, most of it these objects over and over (61 MB with digests).
 *
 * The digest is a non-enumerable toJSON: templates, spreads and deep equality see the object as it
 * is. The view is finished before any page is hashed and nothing changes it afterwards.
 *
 * `madeOf`, when it gives something, names everything the object is made of more cheaply than its
 * content (an update's source instead of its HTML and excerpt; see model/provenance.ts); the digest
 * is then of that, and the content is not looked at.
 */
import { sha1 } from '../model/sha1.ts';

export function sharedInPages<T extends object>(value: T, madeOf?: () => unknown[] | undefined): T {
  let digest: string | undefined;
  Object.defineProperty(value, 'toJSON', {
    enumerable: false,
    // The copy has no toJSON of its own; objects shared inside it give their digests.
    value: () => (digest ??= `#${sha1(JSON.stringify(madeOf?.() ?? { ...value }), 'base64')}`),
  });
  return value;
}
