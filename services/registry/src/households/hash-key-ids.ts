import { hashesOf, type PersonalDataCipher, type SealedValue } from '@fupin/kit';

/**
 * The HMAC key id of each of a stored value's hashes (aligned with `hashesOf(v)`), or null for
 * a hash under no key held. One key held and one hash: that key's (a value is sealed and
 * rehashed under the keys held, so nothing is opened on this, the usual, path). Otherwise the
 * value is opened and its hashes under each key held compared: during a window, or right after
 * a key was dropped before the reseal, a stored hash may be under a key no longer current.
 */
export function hashKeyIdsOf(
  cipher: Pick<PersonalDataCipher, 'hashKeyIds' | 'hashes' | 'open'>,
  v: Pick<SealedValue, 'enc' | 'hash' | 'hashes'>,
): (string | null)[] {
  const stored = hashesOf(v);
  const ids = cipher.hashKeyIds;
  if (ids.length === 1 && stored.length === 1) return [ids[0]!];
  let all: string[];
  try {
    all = cipher.hashes(cipher.open(v));
  } catch {
    // Sealed with an encryption key not held: no hash can be told.
    return stored.map(() => null);
  }
  return stored.map((h) => {
    const i = all.indexOf(h);
    return i >= 0 ? ids[i]! : null;
  });
}
