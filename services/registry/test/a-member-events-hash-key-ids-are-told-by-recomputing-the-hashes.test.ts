import { createPersonalDataCipher, generatePersonalDataKey } from '@fupin/kit';
import { hashKeyIdsOf } from '../src/households/hash-key-ids';

// Member events say which HMAC key each hash is under (idHashKeys). The stored value does not
// record it: outside a window its one hash may be under a key no longer current (not yet
// rehashed), so the key is told by recomputing, except when one key is held and one hash stored.

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

test('one key held and one hash: the key, nothing opened', () => {
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

test('after a key is dropped, a hash under it is unknown; a value that cannot be opened is too', () => {
  const sealedInWindow = window.seal(ID);
  expect(hashKeyIdsOf(k2Only, sealedInWindow)).toEqual(['k2', null]);
  expect(hashKeyIdsOf(window, { enc: 'v2.kx.a.b.c', hash: 'f'.repeat(64) })).toEqual([null]);
});
