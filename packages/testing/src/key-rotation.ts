import { createPersonalDataCipher, generatePersonalDataKey } from '@fupin/kit';

type KeyId = 'k1' | 'k2' | 'k3';

/**
 * 密钥轮换 in tests: one encryption key and three HMAC keys (k1 the old, k2 the new, k3 one
 * rotation further), and for a current key with some previous ones held, the cipher a service
 * would have and the environment that configures a service so.
 */
export function hmacRotation() {
  const encryptionKey = generatePersonalDataKey();
  const mac: Record<KeyId, string> = {
    k1: generatePersonalDataKey(),
    k2: generatePersonalDataKey(),
    k3: generatePersonalDataKey(),
  };
  const previous = (ids: KeyId[]) => ids.map((id) => `${id}:${mac[id]}`).join(';') || undefined;
  return {
    encryptionKey,
    mac,
    cipher: (current: KeyId, held: KeyId[] = []) =>
      createPersonalDataCipher({
        encryptionKey,
        hmacKey: mac[current],
        hmacKeyId: current,
        previousHmacKeys: previous(held),
      }),
    env: (current: KeyId, held: KeyId[] = []): Record<string, string> => ({
      PII_ENCRYPTION_KEY: encryptionKey,
      PII_HMAC_KEY: mac[current],
      PII_HMAC_KEY_ID: current,
      ...(held.length ? { PII_HMAC_PREVIOUS_KEYS: previous(held)! } : {}),
    }),
  };
}
