import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data (ID numbers, phones, bank accounts) at rest: AES-256-GCM ciphertext for the
 * value, and an HMAC-SHA256 keyed hash for exact lookups and cross-department matching
 * (the same key in every service that matches; the clear value is never needed for a match).
 */
export interface SealedValue {
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; the version names the key. */
  enc: string;
  /** hex HMAC-SHA256 of the normalised value. */
  hash: string;
}

export interface PersonalDataCipher {
  seal(plain: string): SealedValue;
  open(sealed: Pick<SealedValue, 'enc'>): string;
  hash(plain: string): string;
}

function key32(name: string, b64: string): Buffer {
  const k = Buffer.from(b64, 'base64');
  if (k.length !== 32)
    throw new Error(`${name} must be 32 bytes, base64-encoded (got ${k.length} bytes)`);
  return k;
}

export function createPersonalDataCipher(opts: {
  encryptionKey: string;
  hmacKey: string;
}): PersonalDataCipher {
  const encKey = key32('PII_ENCRYPTION_KEY', opts.encryptionKey);
  const macKey = key32('PII_HMAC_KEY', opts.hmacKey);
  const hash = (plain: string) => createHmac('sha256', macKey).update(plain, 'utf8').digest('hex');
  return {
    hash,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return {
        enc: [
          'v1',
          iv.toString('base64url'),
          tag.toString('base64url'),
          ct.toString('base64url'),
        ].join('.'),
        hash: hash(plain),
      };
    },
    open({ enc }) {
      const [version, iv, tag, ct] = enc.split('.');
      if (version !== 'v1' || !iv || !tag || ct === undefined)
        throw new Error('unknown sealed value format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
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
