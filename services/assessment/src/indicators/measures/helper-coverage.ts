import type { Indicator } from '../measurement';

/** 帮扶责任人落实率 — assisted households with a key helper paired at the period's end. */
export const helperCoverage: Indicator = {
  link: {
    service: 'registry',
    path: '/households/{id}',
    label: { zh: '未落实帮扶责任人的户', en: 'Households without a responsible helper' },
  },
  facts: ['pairing'],
  households: 'status',
  measure({ data, last, assisted, coverageOf }) {
    const helped = new Set(
      (data.facts.get('pairing') ?? [])
        .filter(
          (p) =>
            (p.from ?? p.firstDay) <= last && (p.to === null ? p.status !== 'ended' : p.to > last),
        )
        .map((p) => p.householdId ?? ''),
    );
    return coverageOf(assisted(), helped);
  },
};
