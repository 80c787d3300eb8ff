import { type ProjectedHousehold, projectedHouseholdModel, scopedRepository } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { batchModel, type FundBatch } from './batches/batch.model';
import { type Disbursement, disbursementModel } from './disbursements/disbursement.model';
import { fileModel, type StoredFile } from './files/file.model';
import { type Finding, findingModel } from './findings/finding.model';
import { type Loan, loanModel } from './loans/loan.model';
import { type Notice, noticeModel } from './notices/notice.model';
import { type Project, projectModel } from './projects/project.model';
import { type Transfer, transferModel } from './transfers/transfer.model';

/**
 * The funds service's collections: the models (for the outbox relay, the ledger, imports and
 * tests) and, for each area-scoped collection, the repository its services are given.
 */
export function fundsCollections(conn: Connection) {
  const models = {
    projects: projectModel(conn),
    files: fileModel(conn),
    batches: batchModel(conn),
    disbursements: disbursementModel(conn),
    findings: findingModel(conn),
    transfers: transferModel(conn),
    loans: loanModel(conn),
    notices: noticeModel(conn),
    households: projectedHouseholdModel(conn),
  };
  const repos = {
    projects: scopedRepository<Project>(models.projects),
    files: scopedRepository<StoredFile>(models.files, ['areaCode', 'linkedAreas']),
    batches: scopedRepository<FundBatch>(models.batches, 'areaCodes'),
    disbursements: scopedRepository<Disbursement>(models.disbursements),
    findings: scopedRepository<Finding>(models.findings),
    /** Transfers, in the areas of both their projects. */
    transfers: scopedRepository<Transfer>(models.transfers, 'areaCodes'),
    loans: scopedRepository<Loan>(models.loans),
    notices: scopedRepository<Notice>(models.notices),
    /** The registry projection, for reads of a household in the caller's scope (its dossier). */
    households: scopedRepository<ProjectedHousehold>(models.households),
  };
  return { models, repos };
}
export type FundsCollections = ReturnType<typeof fundsCollections>;
