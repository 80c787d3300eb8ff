import path from 'node:path';
import {
  openService,
  personalDataCipherOf,
  projectedHouseholdModel,
  RegistryProjection,
  registryProjectionModule,
  scopedRepository,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import { batchModel, type FundBatch } from './batches/batch.model';
import { batchRoutes } from './batches/batch.routes';
import { BatchService } from './batches/batch.service';
import type { FundsConfig } from './config';
import { DISBURSEMENT_TOPICS } from './disbursements/disbursement.events';
import { type Disbursement, disbursementModel } from './disbursements/disbursement.model';
import { disbursementRoutes } from './disbursements/disbursement.routes';
import { DisbursementService } from './disbursements/disbursement.service';
import { fileModel, type StoredFile } from './files/file.model';
import { fileRoutes } from './files/file.routes';
import { FileService } from './files/file.service';
import { type Finding, findingModel } from './findings/finding.model';
import { findingRoutes } from './findings/finding.routes';
import { FindingService } from './findings/finding.service';
import { MisuseDetector } from './findings/misuse.detector';
import { idleModule } from './idle';
import { BatchImport } from './imports/batch-import';
import { importRoutes } from './imports/import.routes';
import { ProjectImport } from './imports/project-import';
import { type Loan, loanModel } from './loans/loan.model';
import { loanRoutes } from './loans/loan.routes';
import { LoanService } from './loans/loan.service';
import { type Notice, noticeModel } from './notices/notice.model';
import { noticeRoutes } from './notices/notice.routes';
import { NoticeService } from './notices/notice.service';
import { PROJECT_TOPICS } from './projects/project.events';
import { ProjectLedger } from './projects/project.ledger';
import { type Project, projectModel } from './projects/project.model';
import { projectRoutes } from './projects/project.routes';
import { ProjectService } from './projects/project.service';
import { exportRoutes } from './reports/export.routes';
import { statisticsRoutes } from './reports/statistics.routes';
import { StatisticsService } from './reports/statistics.service';
import { type Transfer, transferModel } from './transfers/transfer.model';
import { transferRoutes } from './transfers/transfer.routes';
import { TransferService } from './transfers/transfer.service';

/**
 * Composition of the funds service (项目资金) on an open runtime: models, services, the outbox
 * relay, the registry projection, the daily idle-funds job and the HTTP app. Used by main.ts
 * and by the integration tests.
 */
export async function createFunds(
  rt: ServiceRuntime,
  config: FundsConfig,
  opts: ServiceOptions = {},
) {
  const cipher = personalDataCipherOf(config);
  const models = {
    projects: projectModel(rt.conn),
    files: fileModel(rt.conn),
    batches: batchModel(rt.conn),
    disbursements: disbursementModel(rt.conn),
    findings: findingModel(rt.conn),
    transfers: transferModel(rt.conn),
    loans: loanModel(rt.conn),
    notices: noticeModel(rt.conn),
    households: projectedHouseholdModel(rt.conn),
  };
  const service = openService(rt, config, {
    ...opts,
    outbox: [models.projects, models.disbursements],
  });
  const { audit, eventsStored, now } = service;
  // The area-scoped collections moved to repositories so far (projects still reach
  // some services as their model).
  const scopedProjects = scopedRepository<Project>(models.projects);
  const scopedBatches = scopedRepository<FundBatch>(models.batches, 'areaCodes');
  const projection = new RegistryProjection({
    model: models.households,
    logger: rt.logger,
    now,
  });

  const files = new FileService({
    files: scopedRepository<StoredFile>(models.files, ['areaCode', 'linkedAreas']),
    now,
    maxBytes: config.UPLOAD_MAX_BYTES,
  });
  const ledger = new ProjectLedger({ projects: models.projects, eventsStored, now });
  const findings = new FindingService({
    findings: scopedRepository<Finding>(models.findings),
    now,
  });
  const projects = new ProjectService({
    projects: scopedProjects,
    households: models.households,
    files,
    eventsStored,
    now,
  });
  const batches = new BatchService({
    batches: scopedBatches,
    projects: scopedProjects,
    ledger,
    now,
  });
  const scopedDisbursements = scopedRepository<Disbursement>(models.disbursements);
  const disbursements = new DisbursementService({
    disbursements: scopedDisbursements,
    projects: scopedProjects,
    households: models.households,
    ledger,
    files,
    findings,
    detector: new MisuseDetector({
      disbursements: scopedDisbursements,
      projects: models.projects,
      findings,
    }),
    cipher,
    audit,
    eventsStored,
    now,
  });
  const transfers = new TransferService({
    transfers: scopedRepository<Transfer>(models.transfers, 'areaCodes'),
    projects: scopedProjects,
    ledger,
    now,
  });
  const loans = new LoanService({
    loans: scopedRepository<Loan>(models.loans),
    households: models.households,
    cipher,
    audit,
    now,
  });
  const notices = new NoticeService({
    notices: scopedRepository<Notice>(models.notices),
    projects,
    disbursements: scopedDisbursements,
    files,
    now,
  });
  const statistics = new StatisticsService({ projects: scopedProjects, batches: scopedBatches });
  const imports = {
    projects: new ProjectImport({ projects, model: models.projects }),
    batches: new BatchImport({ batches, projects: models.projects }),
  };

  const idle = idleModule(service, { projects: models.projects, batches, disbursements });
  const app = await startService(service, {
    topics: [...PROJECT_TOPICS, ...DISBURSEMENT_TOPICS],
    modules: [
      registryProjectionModule(service, projection, {
        routes: { module: 'funds', registryUrl: config.REGISTRY_URL },
      }),
      idle,
    ],
    openapi: path.join(__dirname, 'openapi'),
    routes: (router) => {
      fileRoutes(router, files, config.UPLOAD_MAX_BYTES);
      projectRoutes(router, projects);
      batchRoutes(router, batches);
      disbursementRoutes(router, disbursements);
      transferRoutes(router, transfers);
      findingRoutes(router, findings);
      loanRoutes(router, loans);
      noticeRoutes(router, notices, config.PDF_FONT_PATH);
      importRoutes(router, imports);
      exportRoutes(router, {
        projects,
        projectModel: models.projects,
        disbursements,
        audit,
        now,
      });
      statisticsRoutes(router, statistics);
    },
  });
  const { relay } = service;
  return {
    app,
    relay,
    models,
    projection,
    idle: idle.service,
    idleQueue: idle.queue,
    services: { files, projects, batches, disbursements, transfers, findings, loans, notices },
    ctx: { ...service, cipher },
  };
}
export type Funds = Awaited<ReturnType<typeof createFunds>>;
