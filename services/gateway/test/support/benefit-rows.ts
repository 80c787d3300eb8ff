import type { BenefitRow } from '@fupin/contracts';

/** A benefit row as a source serves it, with what a test does not care about filled in. */
export const benefit = (
  over: Partial<BenefitRow> & Pick<BenefitRow, 'id' | 'source'>,
): BenefitRow => ({
  kind:
    over.source === 'assistance'
      ? 'measure'
      : over.source === 'funds'
        ? 'payment'
        : 'education_subsidy',
  householdId: 'h-1',
  areaCode: '431121101001',
  year: 2026,
  on: '2026-03-01',
  amountFen: 100_000,
  status: 'paid',
  label: { 'zh-CN': `受益${over.id}`, en: `benefit ${over.id}` },
  projectId: null,
  memberId: null,
  ...over,
});
