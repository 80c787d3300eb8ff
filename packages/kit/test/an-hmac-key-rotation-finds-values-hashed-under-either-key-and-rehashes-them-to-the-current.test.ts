import { hmacRotation } from '@fupin/testing';
import { createPersonalDataCipher, hashesOf, hashKeysOf, resealValue } from '../src';

// 密钥轮换 of the HMAC key: a value hashed under k1 is found by a service holding k2 (current)
// and k1 (previous) — hashes() asks both, current first; a value sealed while both are held keeps
// its hash under each; the reseal makes a k1-hashed value's hashes again under k2 (with k1's
// beside it during the window, without it once k1 is dropped); a bad previous key is refused.

const keys = hmacRotation();
const { encryptionKey: enc, mac } = keys;
const onlyK1 = keys.cipher('k1');
const window = keys.cipher('k2', ['k1']);
const onlyK2 = keys.cipher('k2');
const id = '431121197001010031';
const bytes = { open: (b: Buffer) => b, seal: (b: Buffer) => b, needsReseal: () => false };

test('a lookup during the window asks the hash under every key held, the current first', () => {
  expect(window.hashKeyIds).toEqual(['k2', 'k1']);
  expect(window.hashes(id)).toEqual([onlyK2.hash(id), onlyK1.hash(id)]);
  expect(window.hashes(id)).toContain(onlyK1.seal(id).hash);
  expect(onlyK1.hashes(id)).toEqual([onlyK1.hash(id)]);
  expect(onlyK2.hash(id)).not.toBe(onlyK1.hash(id));
});

test('a value sealed during the window keeps its hash under each key; outside it, one', () => {
  const sealed = window.seal(id);
  expect(sealed.hash).toBe(onlyK2.hash(id));
  expect(sealed.hashes).toEqual([onlyK2.hash(id), onlyK1.hash(id)]);
  // Each hash says its key; a value under k1 alone, from before key ids, says nothing (k1).
  expect(sealed.hashKeys).toEqual(['k2', 'k1']);
  expect(hashKeysOf(sealed)).toEqual(['k2', 'k1']);
  expect(hashKeysOf(onlyK1.seal(id))).toEqual(['k1']);
  expect(onlyK2.seal(id).hashKeys).toEqual(['k2']);
  expect(hashesOf(sealed)).toEqual(sealed.hashes);
  const plain = onlyK2.seal(id);
  expect(plain.hashes).toBeUndefined();
  expect(hashesOf(plain)).toEqual([plain.hash]);
});

test('the reseal rehashes a k1 value under k2 during the window, and drops k1 after it', () => {
  const old = onlyK1.seal(id);
  const during = resealValue({ idNumber: old }, { values: window, bytes }).value as {
    idNumber: { enc: string; hash: string; hashes?: string[]; hashKeys?: string[] };
  };
  expect(during.idNumber.hash).toBe(onlyK2.hash(id));
  expect(during.idNumber.hashes).toEqual([onlyK2.hash(id), onlyK1.hash(id)]);
  expect(during.idNumber.hashKeys).toEqual(['k2', 'k1']);
  expect(window.rehashed(during.idNumber)).toBeNull();
  expect(resealValue(during, { values: window, bytes }, true).old).toBe(0);

  const after = resealValue(during, { values: onlyK2, bytes });
  expect(after.old).toBe(1);
  const v = (after.value as typeof during).idNumber;
  expect(v).toEqual({ enc: old.enc, hash: onlyK2.hash(id), hashKeys: ['k2'] });
  expect(onlyK2.open(v)).toBe(id);
});

test('a previous HMAC key that is not 32 bytes, or the current id among the previous, is refused', () => {
  expect(() =>
    createPersonalDataCipher({
      encryptionKey: enc,
      hmacKey: mac.k2,
      previousHmacKeys: 'k1:c2hvcnQ=',
    }),
  ).toThrow(/PII_HMAC_PREVIOUS_KEYS k1 must be 32 bytes/);
  expect(() =>
    createPersonalDataCipher({
      encryptionKey: enc,
      hmacKey: mac.k2,
      previousHmacKeys: `k1:${mac.k1}`,
    }),
  ).toThrow(/PII_HMAC_KEY_ID k1 is also among the previous keys/);
});
