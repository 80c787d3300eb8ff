import type { Model } from 'mongoose';
import type { PersonalDataCipher } from '../personal-data';
import type { ByteSealer } from '../sealed-bytes';

/**
 * 密钥轮换 — where a service keeps sealed personal data: a model and the top-level fields that
 * hold it (a SealedValue, an array or object containing them, or a sealed byte blob). Each
 * service declares its list once, for the reseal job.
 */
export interface SealedCollection {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model of the service
  model: Model<any>;
  fields: string[];
  /**
   * After a batch is written: the ids of the documents changed, for what the service derives
   * from their hashes (the registry's claims, member index and events). Called again for a
   * document only when a later run changes it again, so it must be idempotent.
   */
  resealed?: (ids: unknown[]) => Promise<void>;
}

export interface Resealers {
  values: Pick<
    PersonalDataCipher,
    | 'open'
    | 'seal'
    | 'needsReseal'
    | 'rehashed'
    | 'currentKeyId'
    | 'hashKeyIds'
    | 'encryptionKeyIds'
  >;
  bytes: Pick<ByteSealer, 'open' | 'seal' | 'needsReseal'>;
}

interface Resealed {
  value: unknown;
  /** How many sealed values under it used an old key (encryption or HMAC). */
  old: number;
}

/** A BSON Binary as the driver reads it (its bytes up to `position`). */
function bytesOf(v: unknown): Buffer | null {
  if (Buffer.isBuffer(v)) return v;
  const b = v as { _bsontype?: unknown; buffer?: Uint8Array; position?: number } | null;
  if (b && typeof b === 'object' && b._bsontype === 'Binary' && b.buffer)
    return Buffer.from(b.buffer.subarray(0, b.position ?? b.buffer.length));
  return null;
}

function isSealedValue(
  v: unknown,
): v is { enc: string; hash: string; hashes?: string[]; hashKeys?: string[] } {
  const o = v as { enc?: unknown; hash?: unknown } | null;
  return !!o && typeof o === 'object' && typeof o.enc === 'string' && typeof o.hash === 'string';
}

/**
 * A stored value with every ciphertext under an old key sealed again with the current one,
 * and every keyed hash made again as the HMAC keys held now want it: under the current key,
 * with the window's `hashes` while more than one is held and without them after (pure but for
 * the cipher). `dryRun` only counts.
 */
export function resealValue(v: unknown, r: Resealers, dryRun = false): Resealed {
  const bytes = bytesOf(v);
  if (bytes) {
    if (!r.bytes.needsReseal(bytes)) return { value: v, old: 0 };
    return { value: dryRun ? v : r.bytes.seal(r.bytes.open(bytes)), old: 1 };
  }
  if (isSealedValue(v)) {
    const enc = r.values.needsReseal(v.enc);
    const hashes = r.values.rehashed(v);
    if (!enc && !hashes) return { value: v, old: 0 };
    if (dryRun) return { value: v, old: 1 };
    const out: Record<string, unknown> = { ...v, ...hashes };
    if (hashes && !hashes.hashes) delete out.hashes;
    if (hashes && !hashes.hashKeys) delete out.hashKeys;
    if (enc) out.enc = r.values.seal(r.values.open(v)).enc;
    return { value: out, old: 1 };
  }
  if (Array.isArray(v)) {
    const items = v.map((x) => resealValue(x, r, dryRun));
    return { value: items.map((x) => x.value), old: items.reduce((n, x) => n + x.old, 0) };
  }
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    let old = 0;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = resealValue(x, r, dryRun);
      out[k] = y.value;
      old += y.old;
    }
    return { value: out, old };
  }
  return { value: v, old: 0 };
}
