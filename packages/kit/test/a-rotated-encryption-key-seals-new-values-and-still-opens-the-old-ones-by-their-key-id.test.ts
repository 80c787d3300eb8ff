import { createCipheriv, randomBytes } from 'node:crypto';
import {
  createByteSealer,
  createPersonalDataCipher,
  generatePersonalDataKey,
  loadConfig,
  parsePreviousKeys,
  personalDataConfigSchema,
} from '../src';

// 密钥轮换, the encryption half: ciphertexts name the key that sealed them; a new current key
// seals every new value while the previous keys open what they sealed; a value sealed before
// key ids (v1) is the first key's (k1); a key the service does not hold is named in the error.

const k1 = generatePersonalDataKey();
const k2 = generatePersonalDataKey();
const hmacKey = generatePersonalDataKey();

test('after the rotation new values name k2, old ones still open with k1 and are marked to reseal', () => {
  const before = createPersonalDataCipher({ encryptionKey: k1, hmacKey });
  const old = before.seal('430121199001011234');
  expect(old.enc.startsWith('v2.k1.')).toBe(true);

  const after = createPersonalDataCipher({
    encryptionKey: k2,
    encryptionKeyId: 'k2',
    previousEncryptionKeys: `k1:${k1}`,
    hmacKey,
  });
  const fresh = after.seal('430121199001011234');
  expect(after.keyIdOf(fresh.enc)).toBe('k2');
  expect(after.open(old)).toBe('430121199001011234');
  expect(after.needsReseal(old.enc)).toBe(true);
  expect(after.needsReseal(fresh.enc)).toBe(false);
  // The keyed hash is the HMAC key's, not the encryption key's: lookups keep working.
  expect(fresh.hash).toBe(old.hash);

  // Once k1 is dropped, what it sealed is refused by name.
  const dropped = createPersonalDataCipher({ encryptionKey: k2, encryptionKeyId: 'k2', hmacKey });
  expect(() => dropped.open(old)).toThrow(/key k1/);
});

test('a v1 value (before key ids) opens with the first key, k1', () => {
  const key = Buffer.from(k1, 'base64');
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update('13800001111', 'utf8'), c.final()]);
  const v1 = ['v1', iv, c.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
  const rotated = createPersonalDataCipher({
    encryptionKey: k2,
    encryptionKeyId: 'k2',
    previousEncryptionKeys: `k1:${k1}`,
    hmacKey,
  });
  expect(rotated.keyIdOf(v1)).toBe('k1');
  expect(rotated.open({ enc: v1 })).toBe('13800001111');
});

test('byte blobs carry their key id too', () => {
  const old = createByteSealer(k1).seal(Buffer.from('一段名单'));
  const rotated = createByteSealer(k2, { keyId: 'k2', previousKeys: `k1:${k1}` });
  expect(rotated.open(old).toString()).toBe('一段名单');
  expect(rotated.open(rotated.seal(Buffer.from('新')))?.toString()).toBe('新');
  expect(() => createByteSealer(k2, { keyId: 'k2' }).open(old)).toThrow(/key k1/);
});

test('bad rotation settings are refused at start, naming the variable', () => {
  expect(() => parsePreviousKeys('PII_ENCRYPTION_PREVIOUS_KEYS', 'k1:short')).toThrow(
    /k1.*32 bytes/,
  );
  expect(() => parsePreviousKeys('PII_ENCRYPTION_PREVIOUS_KEYS', `K 1:${k1}`)).toThrow(
    /not a key id/,
  );
  expect(() =>
    loadConfig(personalDataConfigSchema, {
      PII_ENCRYPTION_KEY: k2,
      PII_HMAC_KEY: hmacKey,
      PII_ENCRYPTION_PREVIOUS_KEYS: 'k1:nope',
    }),
  ).toThrow(/PII_ENCRYPTION_PREVIOUS_KEYS/);
  expect(() =>
    createPersonalDataCipher({
      encryptionKey: k2,
      encryptionKeyId: 'k1',
      previousEncryptionKeys: `k1:${k1}`,
      hmacKey,
    }),
  ).toThrow(/also among the previous keys/);
});
