import { codesOf, FundingSource, ProjectStatus, ProjectType } from '@fupin/reference';
import { allOf } from '../../common/allOf';
import type { FundsApi } from '../../providers/api-types';

type S = FundsApi.components['schemas'];

/** The codes the funds API takes, checked against its OpenAPI document. */
export const PROJECT_TYPES = allOf<S['Project']['type']>()(codesOf(ProjectType));
export const PROJECT_STATUSES = allOf<S['Project']['status']>()(codesOf(ProjectStatus));
export const SOURCES = allOf<S['Source']>()(codesOf(FundingSource));
export const DISBURSEMENT_STATUSES = allOf<S['Disbursement']['status']>()([
  'submitted',
  'approved',
  'rejected',
] as const);
export const PAYEE_KINDS = allOf<S['DisbursementInput']['payeeKind']>()([
  'contractor',
  'households',
  'other',
] as const);
export const LOAN_KINDS = allOf<S['LoanInput']['kind']>()([
  'micro_credit',
  'party_member',
] as const);
export const LOAN_STATUSES = allOf<NonNullable<S['Loan']['status']>>()([
  'active',
  'repaid',
  'written_off',
] as const);
export const TRANSFER_STATUSES = allOf<S['Transfer']['status']>()([
  'requested',
  'executing',
  'executed',
  'rejected',
] as const);
export const FINDING_KINDS = allOf<S['Finding']['kind']>()([
  'beneficiary_not_registered',
  'over_allocation_attempt',
  'voucher_reused',
  'unapproved_transfer',
] as const);
export const FINDING_STATUSES = allOf<S['Finding']['status']>()([
  'open',
  'confirmed',
  'dismissed',
] as const);
export const FINDING_OUTCOMES = ['confirmed', 'dismissed'] as const;
export const REPAYMENT_METHODS = allOf<S['LoanInput']['repayment']>()([
  'bullet',
  'equal_principal',
] as const);
export const LOAN_INTERVALS = [1, 3, 6, 12] as const;
export const NOTICE_KINDS = allOf<S['Notice']['kind']>()(['project', 'payment_list'] as const);
export const FIVE_SYSTEMS = allOf<keyof NonNullable<S['Project']['fiveSystems']>>()([
  'legalPerson',
  'tendering',
  'supervision',
  'contract',
  'integrity',
] as const);

/** 项目状态 in order, each with the step that reaches it (申报 is where a project starts). */
export const PROJECT_STEPS: {
  status: S['Project']['status'];
  action: S['ProjectStep']['action'] | null;
  date: string;
}[] = [
  { status: 'proposed', action: null, date: 'proposedOn' },
  { status: 'approved', action: 'approve', date: 'approvedOn' },
  { status: 'in_progress', action: 'start', date: 'startedOn' },
  { status: 'completed', action: 'complete', date: 'completedOn' },
  { status: 'accepted', action: 'accept', date: 'acceptedOn' },
];
