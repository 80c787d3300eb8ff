import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { type KeyRing, keyRing, LEGACY_KEY_ID, missingKey } from './key-ring';

/**
 * Personal data (ID numbers, phones, bank accounts) at rest: AES-256-GCM ciphertext for the
 * value, and an HMAC-SHA256 keyed hash for exact lookups and cross-department matching
 * (the same key in every service that matches; the clear value is never needed for a match).
 */
export interface SealedValue {
  /** `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts); `v1.…` before key ids (key k1). */
  enc: string;
  /** hex HMAC-SHA256 of the normalised value, under the current HMAC key when sealed. */
  hash: string;
  /**
   * During an HMAC rotation window (the service holds more than one HMAC key): the value's
   * hash under every key held, the current first, so views built from it (events, the
   * registry's claims and member index) are found under either key. Absent otherwise.
   */
  hashes?: string[];
  /**
   * The HMAC key id of each hash (`hashes`, else `hash`), in order. Absent: key `k1`'s, as
   * every value stored before HMAC key ids (like a `v1.…` ciphertext).
   */
  hashKeys?: string[];
}

export interface PersonalDataCipher {
  seal(plain: string): SealedValue;
  open(sealed: Pick<SealedValue, 'enc'>): string;
  /** The hash under the current HMAC key (what new values store). */
  hash(plain: string): string;
  /**
   * The hashes under every HMAC key held, the current first: what a lookup of a clear value
   * asks for (`{ hash: { $in: hashes(v) } }`), so a value stored before or during a rotation
   * is still found.
   */
  hashes(plain: string): string[];
  /** The HMAC key ids held, the current first. */
  hashKeyIds: string[];
  /** The id of the encryption key new values are sealed with. */
  currentKeyId: string;
  /** The encryption key ids held, the current first (ids only: what a reseal reports). */
  encryptionKeyIds: string[];
  /**
   * A stored value's keyed hashes as they should be under the keys held now (opens it):
   * null when they already are — what the rehash after an HMAC rotation writes.
   */
  rehashed(
    sealed: Pick<SealedValue, 'enc' | 'hash' | 'hashes' | 'hashKeys'>,
  ): Pick<SealedValue, 'hash' | 'hashes' | 'hashKeys'> | null;
  /** The id of the key a ciphertext was sealed with. */
  keyIdOf(enc: string): string;
  /** Whether a ciphertext was sealed with another key than the current one (to seal again). */
  needsReseal(enc: string): boolean;
}

function partsOf(enc: string): { keyId: string; iv: string; tag: string; ct: string } {
  const p = enc.split('.');
  if (p[0] === 'v1' && p.length === 4)
    return { keyId: LEGACY_KEY_ID, iv: p[1]!, tag: p[2]!, ct: p[3]! };
  if (p[0] === 'v2' && p.length === 5) return { keyId: p[1]!, iv: p[2]!, tag: p[3]!, ct: p[4]! };
  throw new Error('unknown sealed value format');
}

export function createPersonalDataCipher(opts: {
  encryptionKey: string;
  hmacKey: string;
  /** The current key's id (`k1` by default) and the previous keys (`k1:<base64>;…`). */
  encryptionKeyId?: string | undefined;
  previousEncryptionKeys?: string | undefined;
  /** The current HMAC key's id (`k1` by default) and the previous HMAC keys (`k1:<base64>;…`). */
  hmacKeyId?: string | undefined;
  previousHmacKeys?: string | undefined;
}): PersonalDataCipher {
  const ring: KeyRing = keyRing({
    name: 'PII_ENCRYPTION_KEY',
    current: opts.encryptionKey,
    currentId: opts.encryptionKeyId,
    previous: opts.previousEncryptionKeys,
  });
  const macs = keyRing({
    name: 'PII_HMAC_KEY',
    current: opts.hmacKey,
    currentId: opts.hmacKeyId,
    previous: opts.previousHmacKeys,
  });
  const macKeys = [macs.current, ...macs.previousIds.map((id) => macs.key(id)!)];
  const macWith = (key: Buffer, plain: string) =>
    createHmac('sha256', key).update(plain, 'utf8').digest('hex');
  const hash = (plain: string) => macWith(macs.current, plain);
  const hashes = (plain: string) => macKeys.map((k) => macWith(k, plain));
  /** The stored form of a value's hashes: the window's list only while more keys are held. */
  const keyIds = [macs.currentId, ...macs.previousIds];
  const hashesOf = (plain: string): Pick<SealedValue, 'hash' | 'hashes' | 'hashKeys'> => {
    if (macKeys.length === 1)
      return macs.currentId === LEGACY_KEY_ID
        ? { hash: hash(plain) }
        : { hash: hash(plain), hashKeys: [macs.currentId] };
    const all = hashes(plain);
    return { hash: all[0]!, hashes: all, hashKeys: keyIds };
  };
  const open = ({ enc }: Pick<SealedValue, 'enc'>): string => {
    const { keyId, iv, tag, ct } = partsOf(enc);
    const key = ring.key(keyId);
    if (!key) throw missingKey(keyId);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ct, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  };
  return {
    hash,
    hashes,
    hashKeyIds: keyIds,
    currentKeyId: ring.currentId,
    encryptionKeyIds: [ring.currentId, ...ring.previousIds],
    rehashed(sealed) {
      const want = hashesOf(open(sealed));
      const same =
        want.hash === sealed.hash &&
        (want.hashes ?? []).join() === (sealed.hashes ?? []).join() &&
        (want.hashKeys ?? []).join() === (sealed.hashKeys ?? []).join();
      return same ? null : want;
    },
    keyIdOf: (enc) => partsOf(enc).keyId,
    needsReseal: (enc) => partsOf(enc).keyId !== ring.currentId,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', ring.current, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      const b64 = (b: Buffer) => b.toString('base64url');
      return {
        enc: ['v2', ring.currentId, b64(iv), b64(tag), b64(ct)].join('.'),
        ...hashesOf(plain),
      };
    },
    open,
  };
}

/** Generates a random key in the form the config expects (for .env files and tests). */
export function generatePersonalDataKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * Every keyed hash a stored value carries: the window's `hashes` during an HMAC rotation,
 * else its one `hash` — what the views keyed by hash (claims, member index) hold for it.
 */
export function hashesOf(v: Pick<SealedValue, 'hash' | 'hashes'>): string[] {
  return v.hashes?.length ? v.hashes : [v.hash];
}

/**
 * The HMAC key id of each of `hashesOf(v)`: as stored, `k1` for a value from before key ids,
 * null for the window's hashes of a value that does not say (none is sealed so).
 */
export function hashKeysOf(
  v: Pick<SealedValue, 'hash' | 'hashes' | 'hashKeys'>,
): (string | null)[] {
  const hashes = hashesOf(v);
  if (v.hashKeys?.length === hashes.length) return v.hashKeys;
  return hashes.length === 1 && !v.hashKeys ? [LEGACY_KEY_ID] : hashes.map(() => null);
}
