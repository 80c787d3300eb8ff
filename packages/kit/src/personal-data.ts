import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { key32, type KeyRing, keyRing, LEGACY_KEY_ID, missingKey } from './key-ring';

/**
 * Personal data (ID numbers, phones, bank accounts) at rest: AES-256-GCM ciphertext for the
 * value, and an HMAC-SHA256 keyed hash for exact lookups and cross-department matching
 * (the same key in every service that matches; the clear value is never needed for a match).
 */
export interface SealedValue {
  /** `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts); `v1.…` before key ids (key k1). */
  enc: string;
  /** hex HMAC-SHA256 of the normalised value. */
  hash: string;
}

export interface PersonalDataCipher {
  seal(plain: string): SealedValue;
  open(sealed: Pick<SealedValue, 'enc'>): string;
  hash(plain: string): string;
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
}): PersonalDataCipher {
  const ring: KeyRing = keyRing({
    name: 'PII_ENCRYPTION_KEY',
    current: opts.encryptionKey,
    currentId: opts.encryptionKeyId,
    previous: opts.previousEncryptionKeys,
  });
  const macKey = key32('PII_HMAC_KEY', opts.hmacKey);
  const hash = (plain: string) => createHmac('sha256', macKey).update(plain, 'utf8').digest('hex');
  return {
    hash,
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
        hash: hash(plain),
      };
    },
    open({ enc }) {
      const { keyId, iv, tag, ct } = partsOf(enc);
      const key = ring.key(keyId);
      if (!key) throw missingKey(keyId);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ct, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/** Generates a random key in the form the config expects (for .env files and tests). */
export function generatePersonalDataKey(): string {
  return randomBytes(32).toString('base64');
}
