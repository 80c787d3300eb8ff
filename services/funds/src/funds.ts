import path from 'node:path';
import {
  dossierPartRoute,
  openService,
  personalDataCipherOf,
  RegistryProjection,
  registryProjectionModule,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import { batchRoutes } from './batches/batch.routes';
import { BatchService } from './batches/batch.service';
import { fundsCollections } from './collections';
import type { FundsConfig } from './config';
import { FundsDossier } from './dossier/dossier.service';
import { paymentsModule } from './disbursements';
import { fileRoutes } from './files/file.routes';
import { FileService } from './files/file.service';
import { findingRoutes } from './findings/finding.routes';
import { FindingService } from './findings/finding.service';
import { idleModule } from './idle';
import { BatchImport } from './imports/batch-import';
import { importRoutes } from './imports/import.routes';
import { ProjectImport } from './imports/project-import';
import { ledgerRoutes } from './ledger/ledger.routes';
import { FundsLedger } from './ledger/ledger.service';
import { loanRoutes } from './loans/loan.routes';
import { LoanService } from './loans/loan.service';
import { noticeRoutes } from './notices/notice.routes';
import { NoticeService } from './notices/notice.service';
import { projectNoticeRoutes } from './project-notices/project-notice.routes';
import { ProjectNoticeService } from './project-notices/project-notice.service';
import { progressRoutes } from './progress/progress.routes';
import { ProgressService } from './progress/progress.service';
import { PROJECT_TOPICS } from './projects/project.events';
import { ProjectLedger } from './projects/project.ledger';
import { projectRoutes } from './projects/project.routes';
import { ProjectService } from './projects/project.service';
import { reportsModule } from './reports';
import { transferRoutes } from './transfers/transfer.routes';
import { TransferService } from './transfers/transfer.service';
import { sealedFields } from './sealed-fields';

/**
 * Composition of the funds service (项目资金) on an open runtime: its collections, services and
 * modules (the registry projection, payments, the daily idle-funds job, reports) on kit's
 * service skeleton. Used by main.ts and by the integration tests.
 */
export async function createFunds(
  rt: ServiceRuntime,
  config: FundsConfig,
  opts: ServiceOptions = {},
) {
  const cipher = personalDataCipherOf(config);
  const { models, repos } = fundsCollections(rt.conn);
  const service = openService(rt, config, {
    ...opts,
    outbox: [models.projects, models.disbursements],
  });
  const { audit, eventsStored, now } = service;
  const projection = new RegistryProjection({ model: models.households, logger: rt.logger, now });

  const files = new FileService({ files: repos.files, now, maxBytes: config.UPLOAD_MAX_BYTES });
  const ledger = new ProjectLedger({ projects: repos.projects, eventsStored, now });
  const findings = new FindingService({ findings: repos.findings, now });
  const projects = new ProjectService({
    projects: repos.projects,
    households: models.households,
    files,
    eventsStored,
    now,
  });
  const progress = new ProgressService({ projects, repo: repos.projects, files, now });
  const projectNotices = new ProjectNoticeService({ projects, files, now });
  const batches = new BatchService({
    batches: repos.batches,
    projects: repos.projects,
    ledger,
    now,
  });
  const payments = paymentsModule({
    disbursements: repos.disbursements,
    projects: repos.projects,
    households: models.households,
    ledger,
    files,
    findings,
    cipher,
    audit,
    eventsStored,
    now,
  });
  const disbursements = payments.service;
  const transfers = new TransferService({
    transfers: repos.transfers,
    projects: repos.projects,
    ledger,
    now,
  });
  const loans = new LoanService({
    loans: repos.loans,
    households: models.households,
    cipher,
    audit,
    now,
  });
  const notices = new NoticeService({
    notices: repos.notices,
    projects,
    disbursements: repos.disbursements,
    files,
    now,
  });
  const imports = {
    projects: new ProjectImport({ projects, model: repos.projects }),
    batches: new BatchImport({ batches, projects: repos.projects }),
  };
  const idle = idleModule(service, { projects: repos.projects, batches, disbursements });
  // 一户一档: the household's projects, payments and loans, read through their repositories.
  const dossier = new FundsDossier({ ...repos, now });
  // 受益底册: the payments to households and their loans, as rows of the ledger.
  const benefits = new FundsLedger({ ...repos, now });

  const app = await startService(service, {
    topics: PROJECT_TOPICS,
    modules: [
      registryProjectionModule(service, projection, {
        routes: { module: 'funds', registryUrl: config.REGISTRY_URL },
      }),
      payments,
      idle,
      reportsModule({ projects, disbursements, repos, audit, now }),
    ],
    openapi: path.join(__dirname, 'openapi'),
    sealed: sealedFields(rt.conn),
    routes: (router) => {
      fileRoutes(router, files, config.UPLOAD_MAX_BYTES);
      progressRoutes(router, progress);
      projectNoticeRoutes(router, projectNotices);
      projectRoutes(router, projects);
      batchRoutes(router, batches);
      transferRoutes(router, transfers);
      findingRoutes(router, findings);
      loanRoutes(router, loans);
      noticeRoutes(router, notices, config.PDF_FONT_PATH);
      importRoutes(router, imports);
      ledgerRoutes(router, benefits);
      dossierPartRoute(router, {
        module: 'funds',
        read: (p, id) => dossier.read(p, id),
        freshness: { rt, registryUrl: config.REGISTRY_URL },
      });
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
