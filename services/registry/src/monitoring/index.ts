import { MonitoringWarningRaised } from '@fupin/contracts';
import {
  bi,
  countyWide,
  byteSealerOf,
  createQueue,
  createWorker,
  type EventConsumer,
  scopedRepository,
  viewMeterOf,
} from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import type { RegistryContext, RegistryModule } from '../module';
import { povertyLinesOf, workflowServiceOf } from '../workflows';
import { DisasterService } from './disaster.service';
import { MEDICAL_COSTS_VIEW, startMedicalCostConsumer } from './medical-costs.consumer';
import {
  type DisasterRecord,
  disasterModel,
  type MedicalCostRecord,
  medicalCostModel,
} from './monitoring-facts.model';
import { screeningRoutes } from './screening.routes';
import { type ScreeningRun, monitoringSettingsModel, screeningModel } from './screening.model';
import { ScreeningService } from './screening.service';
import { MonitoringSettingsService } from './settings.service';
import { type MonitoringWarning, warningModel } from './warning.model';
import { warningRoutes } from './warning.routes';
import { followUpRoutes } from './follow-up.routes';
import { riskServiceOf } from './risk.service';
import { WarningService } from './warning.service';
import { type WarningEvidenceFile, warningEvidenceModel } from './warning-evidence.model';
import { warningEvidenceRoutes } from './warning-evidence.routes';
import { WarningEvidenceService } from './warning-evidence.service';

export const SCREEN_QUEUE = 'registry-monitoring-screen';
const SCHEDULER_ID = 'registry-monitoring-monthly';

interface ScreenJob {
  runId: string | null;
  requestedBy: string;
}

/**
 * 防返贫监测预警 — the monthly screening (BullMQ job scheduler, `MONITORING_SCREEN_CRON` in
 * Asia/Shanghai, and on demand by the poverty office), the warnings the townships verify, the
 * disasters they record, the thresholds by year, and the in-patient costs consumed from
 * support's reimbursement events (group `medical-costs`, when the service consumes).
 */
export function monitoringModule(
  ctx: RegistryContext & { consume: boolean },
): RegistryModule & { screening: ScreeningService; warnings: WarningService } {
  const { rt, config } = ctx;
  const models = {
    warnings: warningModel(rt.conn),
    medical: medicalCostModel(rt.conn),
    disasters: disasterModel(rt.conn),
    runs: screeningModel(rt.conn),
    settings: monitoringSettingsModel(rt.conn),
    evidence: warningEvidenceModel(rt.conn),
  };
  const repos = {
    warnings: scopedRepository<MonitoringWarning>(models.warnings),
    medical: scopedRepository<MedicalCostRecord>(models.medical),
    disasters: scopedRepository<DisasterRecord>(models.disasters),
    runs: scopedRepository<ScreeningRun>(models.runs),
    evidence: scopedRepository<WarningEvidenceFile>(models.evidence),
  };
  const lines = povertyLinesOf(ctx);
  const settings = new MonitoringSettingsService({
    settings: models.settings,
    lines: (area) => lines.lookupFor(area),
    audit: ctx.audit,
    now: ctx.now,
  });
  const screening = new ScreeningService({
    ...repos,
    households: ctx.repos.households,
    settings,
    views: [
      {
        name: 'support-facts',
        label: bi('教育、医保数据', "support's education and insurance data"),
        meter: () => viewMeterOf(rt, 'support-facts'),
      },
      {
        name: MEDICAL_COSTS_VIEW,
        label: bi('住院费用数据', 'in-patient costs'),
        meter: () => viewMeterOf(rt, MEDICAL_COSTS_VIEW),
      },
    ],
    maxWaitMs: config.MONITORING_MAX_WAIT_MS,
    verifyDays: config.MONITORING_VERIFY_DAYS,
    countyCode: async () => {
      const [county] = await ctx.repos.areas.find(
        countyWide('the county a screening belongs to'),
        { level: 'county' },
        { limit: 1 },
      );
      return county?.code ?? '000000000000';
    },
    now: ctx.now,
    eventsStored: ctx.eventsStored,
  });
  const evidence = new WarningEvidenceService({
    warnings: repos.warnings,
    files: repos.evidence,
    sealer: byteSealerOf(config),
    now: ctx.now,
  });
  const warnings = new WarningService({
    warnings: repos.warnings,
    workflows: workflowServiceOf(ctx),
    now: ctx.now,
    eventsStored: ctx.eventsStored,
    checkEvidence: (w, e) => evidence.checkReferences(w, e),
  });
  const disasters = new DisasterService({
    disasters: repos.disasters,
    households: ctx.repos.households,
    now: ctx.now,
  });
  const jobs = screeningJobs(ctx, screening);
  let consumer: EventConsumer | undefined;
  const applied = { at: null as Date | null };

  return {
    name: 'monitoring',
    screening,
    warnings,
    outboxModels: [models.warnings],
    topics: [MonitoringWarningRaised.topic],
    routes: (router) => {
      warningRoutes(router, warnings);
      warningEvidenceRoutes(router, evidence);
      followUpRoutes(router, riskServiceOf(ctx, lines));
      screeningRoutes(router, {
        runs: repos.runs,
        warnings: repos.warnings,
        settings,
        disasters,
        now: ctx.now,
        request: (p) => jobs.request(p),
      });
    },
    async start() {
      if (ctx.consume) consumer = await startMedicalCostConsumer(rt, models.medical, applied);
      await jobs.start();
    },
    async stop() {
      await jobs.stop();
      await consumer?.stop();
    },
  };
}

/**
 * The screening's queue: the monthly job scheduler (`MONITORING_SCREEN_CRON`, Asia/Shanghai), the
 * on-demand request (a run recorded first, then queued) and the worker, one screening at a time.
 */
function screeningJobs(ctx: RegistryContext, screening: ScreeningService) {
  const queueOpts = { connection: ctx.redis, prefix: ctx.queuePrefix, logger: ctx.rt.logger };
  const log = ctx.rt.logger.child({ component: 'monitoring-screening' });
  let queue: Queue<ScreenJob> | undefined;
  let worker: Worker<ScreenJob> | undefined;
  return {
    async request(p: { username: string }): Promise<ScreeningRun> {
      if (!queue) throw new Error('the monitoring module has not started');
      const run = await screening.queue(p.username);
      await queue.add(
        'manual',
        { runId: run._id, requestedBy: p.username },
        { jobId: `manual-${run._id}` },
      );
      return run;
    },
    async start() {
      queue = createQueue<ScreenJob>(SCREEN_QUEUE, queueOpts);
      await queue.upsertJobScheduler(
        SCHEDULER_ID,
        { pattern: ctx.config.MONITORING_SCREEN_CRON, tz: 'Asia/Shanghai' },
        { name: 'monthly', data: { runId: null, requestedBy: 'scheduler' } },
      );
      worker = createWorker<ScreenJob>(
        SCREEN_QUEUE,
        async (job) => {
          const runId = job.data.runId ?? (await screening.queue(job.data.requestedBy))._id;
          const run = await screening.run(runId);
          log.info(
            {
              jobId: job.id,
              runId,
              status: run.status,
              screened: run.screened,
              raised: run.raised,
            },
            'monitoring screening finished',
          );
          return { runId, status: run.status };
        },
        // A refused run is recorded, not thrown: BullMQ retries only a failure.
        { ...queueOpts, concurrency: 1, lockDuration: 300_000 },
      );
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}
