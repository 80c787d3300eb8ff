import { type Envelope, FindingCreated, findingSnapshotSchema } from '@fupin/contracts';
import { z } from 'zod';
import type { ProducerHandler } from './handler';
import { shanghaiDateOf } from '@fupin/reference';

const findingPayload = z.object({ finding: findingSnapshotSchema });

/** The department whose list or duty a finding's rule concerns (比对规则 → 部门). */
export const RULE_DEPARTMENT: Record<string, string> = {
  VEHICLE_OWNER: 'public_security',
  BUSINESS_OWNER: 'market_regulation',
  PUBLIC_EMPLOYEE: 'finance',
  URBAN_PROPERTY: 'housing',
  DECEASED_IN_REGISTRY: 'civil_affairs',
  ALLOWANCE_NOT_REGISTERED: 'civil_affairs',
  ALLOWANCE_NOT_ON_LIST: 'civil_affairs',
  DROPOUT: 'education',
  INSURANCE_GAP: 'medical_security',
  DANGEROUS_HOUSE: 'housing',
  ID_INVALID: 'poverty_office',
  ID_FACTS_MISMATCH: 'poverty_office',
  DUPLICATE_PERSON: 'poverty_office',
  INCOME_ABOVE_LINE: 'poverty_office',
  EXITED_BELOW_LINE: 'poverty_office',
  EXITED_GUARANTEE_UNMET: 'poverty_office',
  EXITED_HOUSEHOLD_CHANGED: 'poverty_office',
  VILLAGE_CADRE_FAMILY: 'poverty_office',
  DECEASED_STILL_PAID: 'human_resources',
  PENSION_NOT_RECEIVED: 'human_resources',
  DISABLED_WITHOUT_CERTIFICATE: 'disabled_persons_federation',
  CERTIFICATE_NOT_RECORDED_DISABLED: 'disabled_persons_federation',
  MOVED_OUT_OF_COUNTY: 'public_security',
  WAGE_INCOME_UNDERREPORTED: 'human_resources',
};

/** 核实 → 整改 → 复核 → 销号: a later step outranks an earlier one. */
const STEP: Record<string, number> = {
  assigned: 1,
  verified: 2,
  rectified: 3,
  reviewed: 4,
  closed: 5,
};

/** 数据比对: findings and their verification, for the data-quality indicators. */
export const matchingHandler: ProducerHandler = {
  producer: 'matching',
  topics: [FindingCreated.topic],
  async handle(event: Envelope, ctx) {
    if (!event.type.startsWith('matching.finding.')) return [];
    const { finding: f } = findingPayload.parse(event.payload);
    const department = RULE_DEPARTMENT[f.rule];
    const opened = shanghaiDateOf(new Date(f.createdAt));
    return [
      await ctx.facts.put(
        event,
        {
          kind: 'finding',
          recordId: f.id,
          areaCode: f.areaCode,
          townshipCode: f.townshipCode,
          departments: department ? [department] : [],
          householdId: f.householdId,
          personId: f.memberId,
          from: opened,
          to: f.closedAt ? shanghaiDateOf(new Date(f.closedAt)) : null,
          status: f.status,
          data: {
            rule: f.rule,
            dueDay: shanghaiDateOf(new Date(f.dueAt)),
            conclusion: f.conclusion,
          },
          // A reopened finding (assigned again) outranks every step of its earlier rounds.
          rank: (f.reopenings ?? 0) * 10 + (STEP[f.status] ?? 0),
        },
        {
          first: f.closedAt
            ? shanghaiDateOf(new Date(f.closedAt))
            : event.type === FindingCreated.type
              ? opened
              : null,
          last: null,
        },
      ),
    ];
  },
};
