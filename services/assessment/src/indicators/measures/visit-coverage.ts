import type { RecordItem } from '../../rankings/ranking.model';
import { monthsUpTo } from '../../scoring/period';
import { type Indicator, percent } from '../measurement';

/** 走访覆盖率 — assisted households visited in each month of the period so far. */
export const visitCoverage: Indicator = {
  link: {
    service: 'registry',
    path: '/households/{id}',
    label: { zh: '当月未走访的户', en: 'Households not visited in the month' },
  },
  facts: ['visit'],
  households: 'status',
  measure({ period, asOfDay, data, result, none, assisted }) {
    const hh = assisted();
    const months = monthsUpTo(period.months, asOfDay);
    if (hh.length === 0 || months.length === 0) return none();
    const visited = new Map<string, Set<string>>(months.map((m) => [m, new Set()]));
    for (const v of data.facts.get('visit') ?? [])
      if (v.householdId && v.day) visited.get(v.day.slice(0, 7))?.add(v.householdId);
    const missing: RecordItem[] = [];
    for (const m of months)
      for (const h of hh) if (!visited.get(m)!.has(h._id)) missing.push({ id: h._id, note: m });
    const den = hh.length * months.length;
    return result(percent(den - missing.length, den), den - missing.length, den, missing);
  },
};
