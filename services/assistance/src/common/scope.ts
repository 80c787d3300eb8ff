import { areaScopeFilter, areaWithin, type Bilingual, notFound, type Principal } from '@fupin/kit';
import type { Model } from 'mongoose';
import { areaLevel, type AreaLevel } from '@fupin/reference';

/**
 * The caller's area scope as MongoDB conditions, narrowed to `area` when a filter asks for
 * one: an area outside the scope simply matches nothing.
 */
export function scopeConditions(
  p: Principal,
  area?: string,
  field = 'areaCode',
): Record<string, unknown>[] {
  const and: Record<string, unknown>[] = [areaScopeFilter(p, field)];
  if (area) and.push(areaWithin(area, field));
  return and;
}

const BELOW: Partial<Record<AreaLevel, AreaLevel>> = {
  province: 'city',
  city: 'county',
  county: 'township',
  township: 'village',
};
const DIGITS: Record<AreaLevel, number> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

/**
 * The area one level below `scope` that holds `code` (a county's statistics by township, a
 * township's by village); a village scope keeps the village.
 */
export function childAreaOf(code: string, scope: string): string {
  const below = BELOW[areaLevel(scope)] ?? 'village';
  return code.slice(0, DIGITS[below]).padEnd(12, '0');
}

/** County-wide (or wider) callers: they set reference data and run county checks. */
export function isCountyWide(p: { areaCode: string }): boolean {
  return ['province', 'city', 'county'].includes(areaLevel(p.areaCode));
}

/** One record by id inside the caller's scope, or 404 (a record outside it is not revealed). */
export async function findInScope<T>(
  model: Model<T>,
  p: Principal,
  id: string,
  what: Bilingual,
  code: string,
): Promise<T> {
  const doc = await model.findOne({ $and: [{ _id: id }, ...scopeConditions(p)] }).lean<T>();
  if (!doc) throw notFound(what, code);
  return doc;
}
