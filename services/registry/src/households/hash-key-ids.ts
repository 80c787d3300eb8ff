import { hashesOf, hashKeysOf, type PersonalDataCipher, type SealedValue } from '@fupin/kit';

/**
 * The HMAC key id of each of a stored value's hashes (aligned with `hashesOf(v)`), or null when
 * it cannot be told. As the value says (`hashKeys`; a value from before key ids is
 * `k1`'s), so nothing is opened on the usual path; only window hashes that do not say are told
 * by opening the value and comparing its hashes under each key held.
 */
export function hashKeyIdsOf(
  cipher: Pick<PersonalDataCipher, 'hashKeyIds' | 'hashes' | 'open'>,
  v: Pick<SealedValue, 'enc' | 'hash' | 'hashes' | 'hashKeys'>,
): (string | null)[] {
  const stored = hashesOf(v);
  const ids = cipher.hashKeyIds;
  // The value says which key made each hash (k1 when it is from before key ids): nothing to open.
  const said = hashKeysOf(v);
  if (said.every((id) => id !== null)) return said;
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
