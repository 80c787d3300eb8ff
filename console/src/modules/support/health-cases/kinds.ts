import { CHRONIC_CARE_STATUSES, SERIOUS_ILLNESS_STATUSES } from '../support.api';

/** How a field of a health case is shown and typed in. */
export interface CaseField {
  type: 'text' | 'note' | 'day' | 'area' | 'status';
  /** The longest text the service accepts. */
  max?: number;
  required?: boolean;
}

/** A field of the list: sortable unless the API does not sort by it. */
export type ListColumn = readonly [source: string, sortable: boolean];

/**
 * One kind of health case the health department follows per person: a contract or a case
 * that starts on a day, is corrected, and ends on another. The pages and the strict bodies
 * of both kinds are the same but for these fields.
 */
export interface HealthCaseKind {
  /** The API path under /api/support. */
  path: string;
  /** The status enum's name in `enums.*` and its codes. */
  status: { name: string; codes: readonly string[] };
  /** The day the case starts: today on a new one, the list's default sort. */
  startedOn: string;
  /** The day it ends: sent only when given. */
  endedOn: string;
  fields: Record<string, CaseField>;
  create: readonly string[];
  edit: readonly string[];
  list: readonly ListColumn[];
  show: readonly string[];
  /** Text fields the service takes as null when left blank. */
  blanks: string[];
}

const common: Record<string, CaseField> = {
  name: { type: 'text' },
  areaCode: { type: 'area' },
  townshipCode: { type: 'area' },
  status: { type: 'status' },
  disease: { type: 'text', max: 100, required: true },
};

/** 慢病签约 — family-doctor contracts for people with a chronic illness. */
const chronicCare: HealthCaseKind = {
  path: '/health/chronic-care-contracts',
  status: { name: 'ChronicCareStatus', codes: CHRONIC_CARE_STATUSES },
  startedOn: 'signedOn',
  endedOn: 'endedOn',
  fields: {
    ...common,
    doctor: { type: 'text', max: 50, required: true },
    team: { type: 'text', max: 100 },
    signedOn: { type: 'day', required: true },
    validUntil: { type: 'day' },
    endedOn: { type: 'day' },
  },
  create: ['disease', 'doctor', 'team', 'signedOn', 'validUntil'],
  edit: ['disease', 'doctor', 'team', 'validUntil', 'endedOn'],
  list: [
    ['name', true],
    ['areaCode', false],
    ['disease', true],
    ['doctor', true],
    ['team', false],
    ['signedOn', true],
    ['validUntil', false],
    ['status', false],
  ],
  show: [
    'name',
    'areaCode',
    'townshipCode',
    'disease',
    'doctor',
    'team',
    'signedOn',
    'validUntil',
    'status',
    'endedOn',
  ],
  blanks: ['team', 'validUntil'],
};

/** 大病救助 — people taken into serious-illness relief, until the case is closed. */
const seriousIllness: HealthCaseKind = {
  path: '/health/serious-illness-cases',
  status: { name: 'SeriousIllnessStatus', codes: SERIOUS_ILLNESS_STATUSES },
  startedOn: 'includedOn',
  endedOn: 'closedOn',
  fields: {
    ...common,
    hospital: { type: 'text', max: 100 },
    diagnosedOn: { type: 'day' },
    includedOn: { type: 'day', required: true },
    note: { type: 'note', max: 1000 },
    closedOn: { type: 'day' },
  },
  create: ['disease', 'hospital', 'diagnosedOn', 'includedOn', 'note'],
  edit: ['disease', 'hospital', 'note', 'closedOn'],
  list: [
    ['name', true],
    ['areaCode', false],
    ['disease', true],
    ['hospital', false],
    ['diagnosedOn', false],
    ['includedOn', true],
    ['status', false],
  ],
  show: [
    'name',
    'areaCode',
    'townshipCode',
    'disease',
    'hospital',
    'diagnosedOn',
    'includedOn',
    'status',
    'closedOn',
    'note',
  ],
  blanks: ['hospital', 'diagnosedOn', 'note'],
};

/** The kinds by their react-admin resource name. */
export const HEALTH_CASE_KINDS = {
  'support-chronic-care': chronicCare,
  'support-serious-illness': seriousIllness,
} as const satisfies Record<string, HealthCaseKind>;

export type HealthCaseResource = keyof typeof HEALTH_CASE_KINDS;
