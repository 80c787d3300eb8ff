import {
  type Envelope,
  FundsDisbursementSubmitted,
  fundsDisbursementSnapshotSchema,
  FundsIdleAssessed,
  FundsProjectRegistered,
  fundsProjectSnapshotSchema,
} from '@fupin/contracts';
import { z } from 'zod';
import type { ProducerHandler } from './handler';

const projectPayload = z.object({ project: fundsProjectSnapshotSchema });
const disbursementPayload = z.object({ disbursement: fundsDisbursementSnapshotSchema });

/**
 * The county department answerable for a project of each type (项目类型 → 行业部门), so the
 * departments' track can be measured on the projects of their sector.
 */
export const PROJECT_DEPARTMENT: Record<string, string> = {
  road: 'transport',
  drinking_water: 'water',
  irrigation: 'water',
  housing: 'housing',
  industry: 'agriculture',
  ecommerce: 'agriculture',
  whole_village: 'poverty_office',
  east_west_collaboration: 'poverty_office',
  relocation: 'poverty_office',
  training: 'human_resources',
  education: 'education',
  health: 'health',
};

/** A decided payment outranks the submission it decides. */
const DISBURSEMENT_STEP: Record<string, number> = { submitted: 1, approved: 2, rejected: 2 };

/** 项目资金: the project library, payments (拨付) and the daily idle-funds check (资金趴账). */
export const fundsHandler: ProducerHandler = {
  producer: 'funds',
  topics: [FundsProjectRegistered.topic, FundsDisbursementSubmitted.topic, FundsIdleAssessed.topic],
  async handle(event: Envelope, ctx) {
    if (event.type.startsWith('funds.project.')) {
      const { project: p } = projectPayload.parse(event.payload);
      const department = PROJECT_DEPARTMENT[p.type];
      return [
        await ctx.facts.put(event, {
          kind: 'project',
          recordId: p.id,
          areaCode: p.areaCode,
          townshipCode: p.townshipCode,
          departments: department ? [department] : [],
          status: p.status,
          year: p.year,
          amounts: {
            allocated: p.money.allocatedFen,
            disbursed: p.money.disbursedFen,
            planned: p.plannedTotalFen,
          },
          data: { code: p.code, name: p.name, type: p.type, dates: p.dates },
          rank: p.revision,
        }),
      ];
    }
    if (event.type.startsWith('funds.disbursement.')) {
      const { disbursement: d } = disbursementPayload.parse(event.payload);
      return [
        await ctx.facts.put(
          event,
          {
            kind: 'disbursement',
            recordId: d.id,
            areaCode: d.areaCode,
            townshipCode: d.townshipCode,
            status: d.status,
            day: d.paidOn,
            amounts: { amount: d.amountFen },
            data: { projectId: d.projectId, projectCode: d.projectCode },
            rank: DISBURSEMENT_STEP[d.status] ?? 0,
          },
          { first: d.paidOn ?? null, last: null },
        ),
      ];
    }
    if (event.type === FundsIdleAssessed.type) {
      const idle = FundsIdleAssessed.payload.parse(event.payload);
      return [
        await ctx.facts.put(
          event,
          {
            kind: 'idle',
            recordId: `${idle.date}:${idle.townshipCode}`,
            areaCode: idle.townshipCode,
            townshipCode: idle.townshipCode,
            day: idle.date,
            amounts: {
              idle: idle.idleFen,
              unfinished: idle.unfinishedFen,
              completedUnpaid: idle.completedUnpaidFen,
              allocated: idle.allocatedFen,
              disbursed: idle.disbursedFen,
            },
            data: {
              idleProjects: idle.idleProjects,
              notStartedProjects: idle.notStartedProjects,
              days: idle.days,
            },
            // The latest run of a day wins.
            rank: Math.floor(new Date(idle.asOf).getTime() / 1000),
          },
          { first: idle.date, last: idle.date },
        ),
      ];
    }
    return [];
  },
};
