import { createPersonalDataCipher, generatePersonalDataKey } from '@fupin/kit';
import { hashKeyIdsOf } from '../src/households/hash-key-ids';

// Member events say which HMAC key each hash is under (idHashKeys): as the stored value says
// (hashKeys; a value from before key ids is k1's), so nothing is opened; window hashes stored
// without key ids are told by opening the value and recomputing them under the keys held.

const enc = generatePersonalDataKey();
const mac1 = generatePersonalDataKey();
const mac2 = generatePersonalDataKey();
const k1Only = createPersonalDataCipher({ encryptionKey: enc, hmacKey: mac1 });
const window = createPersonalDataCipher({
  encryptionKey: enc,
  hmacKey: mac2,
  hmacKeyId: 'k2',
  previousHmacKeys: `k1:${mac1}`,
});
const k2Only = createPersonalDataCipher({ encryptionKey: enc, hmacKey: mac2, hmacKeyId: 'k2' });
const ID = '430000197001010011';

test('a value says its key, or is k1 from before key ids: nothing opened', () => {
  const v = k1Only.seal(ID);
  expect(hashKeyIdsOf(k1Only, v)).toEqual(['k1']);
  expect(hashKeyIdsOf(k2Only, k2Only.seal(ID))).toEqual(['k2']);
  // Not opened: a value it could not open still answers the only key.
  expect(hashKeyIdsOf(k1Only, { ...v, enc: 'v2.kx.a.b.c' })).toEqual(['k1']);
});

test('during a window: a value not yet rehashed has its hash under the old key', () => {
  const old = k1Only.seal(ID);
  expect(hashKeyIdsOf(window, old)).toEqual(['k1']);
  const rehashed = { ...old, ...window.rehashed(old) };
  expect(rehashed.hashes).toHaveLength(2);
  expect(hashKeyIdsOf(window, rehashed)).toEqual(['k2', 'k1']);
});

test('a value sealed in a window says both keys, even once one is dropped', () => {
  const sealedInWindow = window.seal(ID);
  expect(sealedInWindow.hashKeys).toEqual(['k2', 'k1']);
  expect(hashKeyIdsOf(k2Only, sealedInWindow)).toEqual(['k2', 'k1']);
});

test('window hashes stored without key ids are told by recomputing: a dropped key is unknown', () => {
  const { hashKeys: _k, ...unsaid } = window.seal(ID);
  expect(hashKeyIdsOf(window, unsaid)).toEqual(['k2', 'k1']);
  expect(hashKeyIdsOf(k2Only, unsaid)).toEqual(['k2', null]);
  const cannotOpen = { ...unsaid, enc: 'v2.kx.a.b.c' };
  expect(hashKeyIdsOf(window, cannotOpen)).toEqual([null, null]);
});
