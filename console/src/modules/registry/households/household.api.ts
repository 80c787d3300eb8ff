import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';
import { changedFields, pickKeys } from '../../../providers/dataProvider';
import { httpClient } from '../../../providers/http';
import type { ResourceApi } from '../../types';

type S = RegistryApi.components['schemas'];
export type Household = S['Household'];
export type HouseholdCreate = S['HouseholdCreate'];
export type HouseholdUpdate = S['HouseholdUpdate'];
export type MemberInput = S['MemberInput'];
export type MemberPatch = S['MemberPatch'];
export type HouseholdWorkflows = S['HouseholdWorkflows'];
export type WorkflowRun = S['WorkflowRun'];
export type WorkflowStep = S['WorkflowStep'];
export type WorkflowStepRequest = S['WorkflowStepRequest'];
export type WorkflowKind = S['WorkflowKind'];
export type WorkflowAction = S['WorkflowAction'];
export type HistoryEntry = S['HistoryEntry'];

const BASE = '/api/registry/households';

/** The household facts PUT /households/{id} accepts (HouseholdUpdate). */
const FACTS = allOf<keyof S['HouseholdFacts']>()([
  'address',
  'groupNo',
  'phone',
  'bankName',
  'bankAccount',
  'attribute',
  'mainCause',
  'otherCauses',
  'guarantees',
  'housingGrade',
  'identificationYear',
  'exitYear',
  'partyMember',
  'income',
] as const);
const INCOME = allOf<keyof S['Income']>()([
  'year',
  'wagesFen',
  'productionFen',
  'propertyFen',
  'transferFen',
] as const);
const GUARANTEE = ['met', 'note'] as const;

const MEMBER_INPUT = [
  'name',
  'idNumber',
  'relation',
  'ethnicity',
  'educationLevel',
  'inSchool',
  'schoolStage',
  'health',
  'disabilityGrade',
  'labourCapacity',
  'migrantWork',
  'medicalInsurance',
  'pensionInsurance',
  'minimumAllowance',
  'destituteSupport',
  'phone',
] as const;
const MEMBER_PATCH = MEMBER_INPUT.filter((k) => k !== 'idNumber');

const blankToNull = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === '' ? null : v]));

function cleanGuarantees(g: unknown): Record<string, unknown> | undefined {
  if (!g || typeof g !== 'object') return undefined;
  return Object.fromEntries(
    Object.entries(g as Record<string, unknown>).map(([code, v]) => {
      const x = pickKeys<{ met?: boolean; note?: string | null }>(v, GUARANTEE);
      return [code, { met: Boolean(x.met), note: x.note ? x.note : null }];
    }),
  );
}

function cleanFacts(data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  if (out.income) out.income = pickKeys(out.income, INCOME);
  if (out.guarantees) out.guarantees = cleanGuarantees(out.guarantees);
  return out;
}

export function memberBody(data: Record<string, unknown>, patch = false): Record<string, unknown> {
  const m = blankToNull(pickKeys(data, patch ? MEMBER_PATCH : MEMBER_INPUT));
  if (m.migrantWork) {
    const w = pickKeys<{ working?: unknown; place?: unknown; months?: unknown }>(m.migrantWork, [
      'working',
      'place',
      'months',
    ]);
    const said = typeof w.working === 'boolean' || Boolean(w.place) || typeof w.months === 'number';
    if (said) {
      m.migrantWork = {
        working: Boolean(w.working),
        place: typeof w.place === 'string' && w.place ? w.place : null,
        months: typeof w.months === 'number' ? w.months : null,
      };
    } else delete m.migrantWork;
  }
  return m;
}

/** 登记 and 修改: only the fields the API takes; a PUT only those the user changed. */
export const householdApi: ResourceApi = {
  create: async (_resource, params) => {
    const d = params.data as Record<string, unknown>;
    const body = {
      ...blankToNull(cleanFacts(pickKeys(d, [...FACTS, 'householdNo', 'areaCode']))),
      members: ((d.members as Record<string, unknown>[] | undefined) ?? []).map((m) =>
        memberBody(m),
      ),
    };
    const { json } = await httpClient(BASE, { method: 'POST', body: JSON.stringify(body) });
    return { data: json as Household };
  },
  updateBody: (data, previous) => {
    const body = cleanFacts(changedFields(data, previous, FACTS));
    // Only the guarantees the user changed: an unknown one left alone stays unknown.
    if (body.guarantees) {
      const before = (previous.guarantees ?? {}) as Record<
        string,
        { met?: boolean; note?: string | null }
      >;
      const changed = Object.entries(
        body.guarantees as Record<string, { met: boolean; note: string | null }>,
      ).filter(
        ([code, v]) => before[code]?.met !== v.met || (before[code]?.note ?? null) !== v.note,
      );
      if (changed.length) body.guarantees = Object.fromEntries(changed);
      else delete body.guarantees;
    }
    return { ...body, revision: previous.revision };
  },
};

const json = async <T>(url: string, init?: RequestInit): Promise<T> =>
  (await httpClient(url, init)).json as T;

const enc = encodeURIComponent;

/**
 * The household's calls beyond react-admin's CRUD (members, workflows, history, unmasking),
 * as data-provider methods (registryCalls).
 */
export const householdCalls = {
  /** 查看明文 — the household unmasked, with the reason the audit log keeps. */
  householdUnmasked: (id: string, reason: string) =>
    json<Household>(`${BASE}/${enc(id)}?unmask=true&reason=${enc(reason)}`),
  /** 变更记录 — who changed what and when. */
  householdHistory: (id: string) => json<HistoryEntry[]>(`${BASE}/${enc(id)}/history`),
  /** The runs of its workflows: the active one, what is pending, the closed ones. */
  householdWorkflows: (id: string) => json<HouseholdWorkflows>(`${BASE}/${enc(id)}/workflows`),
  /** One step of a workflow (start, appraise … or reject), against the revision. */
  householdTakeStep: (id: string, kind: WorkflowKind, body: WorkflowStepRequest) =>
    json<HouseholdWorkflows & { step: WorkflowStep }>(
      `${BASE}/${enc(id)}/workflows/${enc(kind)}/steps`,
      { method: 'POST', body: JSON.stringify(body) },
    ),
  /** 新增成员, against the household's revision. */
  householdAddMember: (id: string, revision: number, member: Record<string, unknown>) =>
    json<Household>(`${BASE}/${enc(id)}/members`, {
      method: 'POST',
      body: JSON.stringify({ ...memberBody(member), revision }),
    }),
  /** 修改成员 — only the changed fields. */
  householdUpdateMember: (
    id: string,
    memberId: string,
    revision: number,
    patch: Record<string, unknown>,
  ) =>
    json<Household>(`${BASE}/${enc(id)}/members/${enc(memberId)}`, {
      method: 'PUT',
      body: JSON.stringify({ ...patch, revision }),
    }),
  /** 户主变更: a member becomes the head, the former head takes the relation given; one write. */
  householdChangeHead: (
    id: string,
    revision: number,
    body: { memberId: string; formerHeadRelation: string | null; reason: string },
  ) =>
    json<Household>(`${BASE}/${enc(id)}/head`, {
      method: 'POST',
      body: JSON.stringify({ ...body, revision }),
    }),
  /** 删除成员 with the reason the history keeps (the head is never removed). */
  householdRemoveMember: (id: string, memberId: string, revision: number, reason: string) =>
    json<Household>(`${BASE}/${enc(id)}/members/${enc(memberId)}/remove`, {
      method: 'POST',
      body: JSON.stringify({ reason, revision }),
    }),
};
