import type { RegistryContext, RegistryModule } from '../module';
import { FindingOutcomes } from '../findings/finding-outcomes';
import { findingRecordModel } from '../findings/finding-record.model';
import { clearanceRecordRoutes } from './clearance-record.routes';
import { clearanceRecordServiceOf } from './clearance-record.service';
import { povertyLineModel } from './poverty-line.model';
import { povertyLineRoutes } from './poverty-line.routes';
import { PovertyLineService } from './poverty-line.service';
import { workflowRoutes } from './workflow.routes';
import { WorkflowService } from './workflow.service';
import { riskServiceOf } from '../monitoring/risk.service';

/** The poverty lines the workflows check against (national, configured or recorded provincial). */
export function povertyLinesOf(ctx: RegistryContext): PovertyLineService {
  return new PovertyLineService({
    lines: povertyLineModel(ctx.rt.conn),
    config: ctx.config,
    audit: ctx.audit,
    now: ctx.now,
  });
}

/** The workflow service as every module that moves a household through a workflow makes it. */
export function workflowServiceOf(ctx: RegistryContext): WorkflowService {
  const outcomes = new FindingOutcomes({
    records: findingRecordModel(ctx.rt.conn),
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const lines = povertyLinesOf(ctx);
  const risk = riskServiceOf(ctx, lines);
  return new WorkflowService({
    households: ctx.services.households,
    now: ctx.now,
    lines,
    supportFacts: {
      maxBehind: ctx.config.SUPPORT_FACTS_MAX_BEHIND,
      maxWaitMs: ctx.config.SUPPORT_FACTS_MAX_WAIT_MS,
    },
    riskFacts: (id, area) => risk.facts(id, area),
    responseDays: ctx.config.HOUSEHOLD_RESPONSE_DAYS,
    // A 清退 opened for a finding reports its decision back to matching.
    onFindingRunClosed: (findingId, run, reason) =>
      outcomes.clearanceDecided(findingId, run, reason),
  });
}

/** 识别 / 退出 / 返贫 / 监测 / 清退 — workflows with history, over the household aggregate. */
export function workflowsModule(ctx: RegistryContext): RegistryModule {
  const service = workflowServiceOf(ctx);
  const lines = povertyLinesOf(ctx);
  return {
    name: 'workflows',
    routes: (router) => {
      workflowRoutes(router, service);
      povertyLineRoutes(router, lines);
      clearanceRecordRoutes(router, clearanceRecordServiceOf(ctx));
    },
  };
}
