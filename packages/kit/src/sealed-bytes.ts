import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type KeyRing, keyRing, LEGACY_KEY_ID, missingKey } from './key-ring';

/**
 * Binary blobs that hold personal data at rest (a department list's hashed rows with their
 * masked evidence, stored in large segments): AES-256-GCM with PII_ENCRYPTION_KEY, one
 * encryption per blob, so sealing millions of rows costs one pass of AES, not one per row.
 * Layout: version byte 2, the key id's length and bytes, 12-byte IV, 16-byte tag, ciphertext;
 * version 1 (before key ids: key k1) has no key id.
 */
export interface ByteSealer {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
  /** The id of the key a blob was sealed with. */
  keyIdOf(sealed: Buffer): string;
  /** Whether a blob was sealed with another key than the current one (to seal again). */
  needsReseal(sealed: Buffer): boolean;
}

const IV = 12;
const TAG = 16;

function layoutOf(sealed: Buffer): { keyId: string; at: number } {
  if (sealed[0] === 1 && sealed.length >= 1 + IV + TAG) return { keyId: LEGACY_KEY_ID, at: 1 };
  if (sealed[0] === 2 && sealed.length >= 2) {
    const n = sealed[1]!;
    if (sealed.length >= 2 + n + IV + TAG)
      return { keyId: sealed.subarray(2, 2 + n).toString('latin1'), at: 2 + n };
  }
  throw new Error('unknown sealed blob format');
}

export function createByteSealer(
  encryptionKey: string,
  rotation: { keyId?: string | undefined; previousKeys?: string | undefined } = {},
): ByteSealer {
  const ring: KeyRing = keyRing({
    name: 'PII_ENCRYPTION_KEY',
    current: encryptionKey,
    currentId: rotation.keyId,
    previous: rotation.previousKeys,
  });
  const id = Buffer.from(ring.currentId, 'latin1');
  return {
    keyIdOf: (sealed) => layoutOf(sealed).keyId,
    needsReseal: (sealed) => layoutOf(sealed).keyId !== ring.currentId,
    seal(plain) {
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', ring.current, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([2, id.length]), id, iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const { keyId, at } = layoutOf(sealed);
      const key = ring.key(keyId);
      if (!key) throw missingKey(keyId);
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(at, at + IV));
      decipher.setAuthTag(sealed.subarray(at + IV, at + IV + TAG));
      return Buffer.concat([decipher.update(sealed.subarray(at + IV + TAG)), decipher.final()]);
    },
  };
}
