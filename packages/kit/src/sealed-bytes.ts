import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Binary blobs that hold personal data at rest (a department list's hashed rows with their
 * masked evidence, stored in large segments): AES-256-GCM with PII_ENCRYPTION_KEY, one
 * encryption per blob, so sealing millions of rows costs one pass of AES, not one per row.
 * Layout: version byte 1, 12-byte IV, 16-byte tag, ciphertext.
 */
export interface ByteSealer {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

const VERSION = 1;
const IV = 12;
const TAG = 16;

export function createByteSealer(encryptionKey: string): ByteSealer {
  const key = Buffer.from(encryptionKey, 'base64');
  if (key.length !== 32)
    throw new Error(
      `PII_ENCRYPTION_KEY must be 32 bytes, base64-encoded (got ${key.length} bytes)`,
    );
  return {
    seal(plain) {
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed.length < 1 + IV + TAG || sealed[0] !== VERSION)
        throw new Error('unknown sealed blob format');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV));
      decipher.setAuthTag(sealed.subarray(1 + IV, 1 + IV + TAG));
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV + TAG)), decipher.final()]);
    },
  };
}
