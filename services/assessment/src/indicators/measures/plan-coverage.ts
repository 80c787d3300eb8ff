import type { Indicator } from '../measurement';

/** 帮扶措施覆盖率 — assisted households with a plan measure by the period's end. */
export const planCoverage: Indicator = {
  link: {
    service: 'registry',
    path: '/households/{id}',
    label: { zh: '未制定帮扶措施的户', en: 'Households without a plan measure' },
  },
  facts: ['measure'],
  households: 'status',
  measure({ data, last, assisted, coverageOf }) {
    const planned = new Set(
      (data.facts.get('measure') ?? [])
        .filter((m) => m.status !== 'cancelled' && (m.from ?? m.firstDay) <= last)
        .map((m) => m.householdId ?? ''),
    );
    return coverageOf(assisted(), planned);
  },
};
