import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { createWith } from '../funds.api';

/** A rate typed in percent (4.35) as the API's basis points (435). */
const basisPoints = (percent: unknown) =>
  percent === null || percent === undefined || percent === ''
    ? 0
    : Math.round(Number(percent) * 100);

export const loanApi: ResourceApi = {
  create: createWith(
    'loans',
    [
      'contractNo',
      'kind',
      'householdId',
      'borrowerMemberId',
      'lender',
      'purpose',
      'principalFen',
      'termMonths',
      'intervalMonths',
      'repayment',
      'startOn',
    ],
    (d) => {
      const g = pickKeys<{ name?: string; phone?: string | null; role?: string | null }>(
        d.guarantor ?? {},
        ['name', 'phone', 'role'],
      );
      return {
        annualRateBp: basisPoints(d.annualRatePercent),
        discountBp: basisPoints(d.discountPercent),
        guarantor: { name: g.name ?? '', phone: g.phone || null, role: g.role || null },
      };
    },
  ),
};
