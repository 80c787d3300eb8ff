/**
 * 密钥轮换 — the encryption keys a service holds: the current one, which every new ciphertext is
 * sealed with and names by its id, and the previous ones, kept only to open what they sealed
 * until it is sealed again with the current key. A ciphertext from before key ids (`v1`) was
 * sealed with the first key, `k1`.
 */
export interface KeyRing {
  currentId: string;
  current: Buffer;
  /** The previous keys' ids, in the order configured. */
  previousIds: string[];
  /** The key of an id, or null when the service does not hold it. */
  key(id: string): Buffer | null;
}

export const LEGACY_KEY_ID = 'k1';
export const KEY_ID = /^[a-z0-9]{1,16}$/;

export function key32(name: string, b64: string): Buffer {
  const k = Buffer.from(b64, 'base64');
  if (k.length !== 32)
    throw new Error(`${name} must be 32 bytes, base64-encoded (got ${k.length} bytes)`);
  return k;
}

/**
 * `k1:<base64>;k2:<base64>` — the previous keys as the configuration writes them (pure);
 * throws naming the variable and the entry that is wrong.
 */
export function parsePreviousKeys(name: string, text: string | undefined): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of (text ?? '')
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = at > 0 ? entry.slice(0, at) : '';
    if (!KEY_ID.test(id))
      throw new Error(`${name}: "${id || entry.slice(0, 8)}" is not a key id (a–z, 0–9, up to 16)`);
    out.set(id, key32(`${name} ${id}`, entry.slice(at + 1)));
  }
  return out;
}

export function keyRing(opts: {
  name: string;
  current: string;
  currentId?: string | undefined;
  previous?: string | undefined;
}): KeyRing {
  const currentId = opts.currentId ?? LEGACY_KEY_ID;
  if (!KEY_ID.test(currentId)) throw new Error(`${opts.name}_ID: "${currentId}" is not a key id`);
  const current = key32(opts.name, opts.current);
  const previous = parsePreviousKeys(
    `${opts.name.replace(/_KEY$/, '')}_PREVIOUS_KEYS`,
    opts.previous,
  );
  if (previous.has(currentId))
    throw new Error(`${opts.name}_ID ${currentId} is also among the previous keys`);
  return {
    currentId,
    current,
    previousIds: [...previous.keys()],
    key: (id) => (id === currentId ? current : (previous.get(id) ?? null)),
  };
}

/** The error for a ciphertext sealed with a key the service does not hold. */
export function missingKey(id: string): Error {
  return new Error(
    `sealed with key ${id}, which this service does not hold (configure it among the previous keys)`,
  );
}
