import CreditScoreIcon from '@mui/icons-material/CreditScore';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi, ResourcePages } from '../../types';
import { createWith } from '../funds.api';

/** 扶贫贷款 — micro-credit and party-member loans with their schedule and repayments. */
const loans: ResourcePages = {
  list: lazy(() => import('./LoanList')),
  show: lazy(() => import('./LoanShow')),
  create: lazy(() => import('./LoanCreate')),
  icon: CreditScoreIcon,
  recordRepresentation: (r: RaRecord) => String(r.contractNo),
};
export default loans;

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
