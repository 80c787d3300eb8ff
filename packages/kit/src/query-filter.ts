import { scopePrefix } from '@fupin/reference';

/** A MongoDB filter: field paths to a value or an operator object. */
export type Filter = Record<string, unknown>;

export interface AreaRange {
  $gte: string;
  $lt: string;
}

/**
 * An area and everything under it, as a range on the 12-digit code: township `431121101000`
 * → `{ $gte: '431121101', $lt: '431121102' }`. A range is what every planner walks an index
 * with; an anchored `$regex` is not (SecantusDB scans the collection for it).
 */
export function areaRange(code: string): AreaRange {
  const prefix = scopePrefix(code);
  // Codes are digit strings, so the prefix with its last digit raised by one (`9` → `:`)
  // is the first string above every code that starts with the prefix.
  const last = prefix.charCodeAt(prefix.length - 1);
  return { $gte: prefix, $lt: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

/** `{ [field]: areaRange(code) }`: the records of an area, for a list's area filter. */
export function areaWithin(code: string, field = 'areaCode'): Filter {
  return { [field]: areaRange(code) };
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.getPrototypeOf(v) === Object.prototype
  );
}

function isRange(v: unknown): v is Record<string, unknown> {
  return (
    isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => RANGE_OPS.has(k))
  );
}

function isIn(v: unknown): v is { $in: unknown[] } {
  return isPlainObject(v) && Object.keys(v).length === 1 && Array.isArray(v.$in);
}

function lower(r: Record<string, unknown>): Bound | undefined {
  if ('$gt' in r) return [r.$gt, false];
  if ('$gte' in r) return [r.$gte, true];
  return undefined;
}

function upper(r: Record<string, unknown>): Bound | undefined {
  if ('$lt' in r) return [r.$lt, false];
  if ('$lte' in r) return [r.$lte, true];
  return undefined;
}

type Comparable = string | number | Date;

/**
 * Values whose order JavaScript and BSON agree on: numbers, dates, and ASCII strings (codes,
 * numbers as text); other strings compare by UTF-8 bytes on the server.
 */
function comparable(v: unknown): v is Comparable {
  return (
    (typeof v === 'string' && /^[\x20-\x7e]*$/.test(v)) ||
    (typeof v === 'number' && Number.isFinite(v)) ||
    v instanceof Date
  );
}

const sameKind = (a: Comparable, b: Comparable) =>
  a instanceof Date ? b instanceof Date : typeof a === typeof b && !(b instanceof Date);

/** -1, 0 or 1, or undefined when the two are not of one comparable kind. */
function compare(a: unknown, b: unknown): number | undefined {
  if (!comparable(a) || !comparable(b) || !sameKind(a, b)) return undefined;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

type Bound = [value: unknown, inclusive: boolean];

/** The tighter of two bounds (the higher lower bound, the lower upper bound); null if incomparable. */
function tighter(
  x: Bound | undefined,
  y: Bound | undefined,
  lowerBound: boolean,
): Bound | undefined | null {
  if (!x) return y;
  if (!y) return x;
  const c = compare(x[0], y[0]);
  if (c === undefined) return null;
  if (c === 0) return x[1] && y[1] ? x : x[1] ? y : x;
  return c > 0 === lowerBound ? x : y;
}

/** The intersection of two ranges on one field, or undefined when the bounds cannot be compared. */
function intersect(a: Record<string, unknown>, b: Record<string, unknown>): Filter | undefined {
  const lo = tighter(lower(a), lower(b), true);
  const hi = tighter(upper(a), upper(b), false);
  if (lo === null || hi === null) return undefined;
  const out: Filter = {};
  if (lo) out[lo[1] ? '$gte' : '$gt'] = lo[0];
  if (hi) out[hi[1] ? '$lte' : '$lt'] = hi[0];
  return out;
}

/** Whether a value lies in a range (for an equality meeting a range on the same field). */
function inRange(v: unknown, r: Record<string, unknown>): boolean | undefined {
  for (const [op, bound] of Object.entries(r)) {
    const c = compare(v, bound);
    if (c === undefined) return undefined;
    const ok = op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
    if (!ok) return false;
  }
  return true;
}

/** A range no value satisfies, on a field that stays index-shaped. */
const NOTHING = { $gte: '\uffff', $lt: '' };

/**
 * Two conditions on one field as one, where that is exact: two ranges intersect; an `$in`
 * keeps the values inside a range; an equality inside a range is the equality, outside it
 * matches nothing. Undefined otherwise.
 */
function mergeField(a: unknown, b: unknown): unknown {
  if (isRange(a) && isRange(b)) return intersect(a, b);
  if (!isPlainObject(a) && !Array.isArray(a) && (a === b || compare(a, b) === 0)) return a;
  const [list, within] =
    isIn(a) && isRange(b) ? [a.$in, b] : isIn(b) && isRange(a) ? [b.$in, a] : [];
  if (list && within) {
    const inside = list.map((v) => inRange(v, within));
    if (inside.some((x) => x === undefined)) return undefined;
    return { $in: list.filter((_, i) => inside[i]) };
  }
  const [eq, range] = isRange(a) ? [b, a] : isRange(b) ? [a, b] : [undefined, undefined];
  if (range && !isPlainObject(eq)) {
    const inside = inRange(eq, range);
    if (inside === undefined) return undefined;
    return inside ? eq : NOTHING;
  }
  return undefined;
}

/**
 * The conjunction of conditions as one flat filter (`{ a: 1, b: { $gte: … } }`) rather than
 * `{ $and: [...] }`: SecantusDB plans an index only for a flat filter whose fields an index
 * covers, and MongoDB 7 treats the two alike. A nested `$and` is flattened too; conditions
 * that cannot be merged exactly (a second `$or`, an equality and an `$in` on one field) are
 * kept in `$and`, so the result always selects the same documents.
 */
export function allOf(...conditions: (Filter | undefined)[]): Filter {
  const flat: Filter = {};
  const rest: Filter[] = [];
  const queue = conditions.filter((c): c is Filter => c !== undefined);
  while (queue.length) {
    const condition = queue.shift() as Filter;
    for (const [key, value] of Object.entries(condition)) {
      if (key === '$and' && Array.isArray(value)) {
        queue.push(...(value as Filter[]));
        continue;
      }
      // `{ $in: [x] }` is `x`: an equality lets an index take a range on another field too.
      const one = isIn(value) && value.$in.length === 1 ? value.$in[0] : value;
      if (!(key in flat)) {
        flat[key] = one;
        continue;
      }
      const merged = key.startsWith('$') ? undefined : mergeField(flat[key], one);
      if (merged === undefined) rest.push({ [key]: one });
      else flat[key] = merged;
    }
  }
  return rest.length ? { ...flat, $and: rest } : flat;
}
