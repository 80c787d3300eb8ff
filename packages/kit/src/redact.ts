/**
 * Personal data never reaches a log line in clear: fields with these names are replaced,
 * and anything in any string that looks like an ID number, a mobile number or a bank card
 * number is masked too, as a safety net for values that slipped into messages.
 */
const SECRET_KEYS =
  /^(idNumber|idNo|idCard|identityNumber|sfzh|phone|mobile|tel|telephone|bankAccount|bankCard|accountNumber|password|passwd|newPassword|oldPassword|token|accessToken|refreshToken|authorization|cookie|set-cookie|secret|apiKey|privateKey)$/i;

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const BANK_CARD = /(?<!\d)\d{12,15}(\d{4})(?!\d)/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;

export const REDACTED = '[redacted]';

export function redactString(s: string): string {
  return s
    .replace(BEARER, `$1${REDACTED}`)
    .replace(ID_NUMBER, '$1**********$2')
    .replace(MOBILE, '$1****$2')
    .replace(BANK_CARD, '****$1');
}

/** Deep copy with personal fields removed; cycles and depth are bounded. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[depth]';
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactString(value.message),
      stack: value.stack ? redactString(value.stack) : undefined,
      ...(redact({ ...value }, depth + 1, seen) as object),
    };
  }
  if (Buffer.isBuffer(value)) return `[buffer ${value.length} bytes]`;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      SECRET_KEYS.test(k) && v !== undefined && v !== null ? REDACTED : redact(v, depth + 1, seen);
  }
  return out;
}
