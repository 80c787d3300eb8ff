import { areaLevel, type AreaLevel } from '@fupin/reference';

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
