import {
  AppError,
  type AuditLog,
  bi,
  type FieldError,
  type PersonalDataCipher,
  type ProjectedHouseholdModel,
  type Scope,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import type { FileService } from '../files/file.service';
import type { FindingService } from '../findings/finding.service';
import type { MisuseDetector } from '../findings/misuse.detector';
import type { ProjectLedger } from '../projects/project.ledger';
import type { Project } from '../projects/project.model';
import type { Disbursement } from './disbursement.model';

/** What the payment use cases work with; the composition root gives it. */
export interface DisbursementDeps {
  /** Payments, each in its project's area. */
  disbursements: ScopedRepository<Disbursement>;
  /** Projects, each in its own area. */
  projects: ScopedRepository<Project>;
  /** The registry projection, read county-wide: a payee is registered wherever they live. */
  households: ProjectedHouseholdModel;
  ledger: ProjectLedger;
  files: FileService;
  findings: FindingService;
  detector: MisuseDetector;
  cipher: PersonalDataCipher;
  audit: AuditLog;
  eventsStored: () => void;
  now: () => Date;
}

export const MISSING = {
  what: bi('拨付', 'Disbursement'),
  code: 'FUNDS_DISBURSEMENT_NOT_FOUND',
};

/** A payment to read or change: 404 when missing, 403 in another area. */
export function loadDisbursement(
  deps: Pick<DisbursementDeps, 'disbursements'>,
  scope: Scope,
  id: string,
): Promise<Disbursement> {
  return deps.disbursements.getForChange(scope, id, MISSING, { outbox: 0 });
}

/** Runs the misuse checks and ties the findings to the payment. */
export async function flagMisuse(
  deps: Pick<DisbursementDeps, 'disbursements' | 'detector'>,
  scope: Scope,
  d: Disbursement,
  project: Pick<Project, 'contractor'>,
): Promise<string[]> {
  const ids = await deps.detector.detect(d, project);
  if (ids.length) {
    await deps.disbursements.updateOne(
      scope,
      { _id: d._id },
      { $addToSet: { findingIds: { $each: ids } } },
    );
  }
  return [...new Set([...d.findingIds, ...ids])];
}

/** The hold a payment keeps on its project's ledger until it is decided. */
export function holdOf(d: Disbursement) {
  return { disbursementId: d._id, source: d.source, amountFen: d.amountFen, at: d.submittedAt };
}

export function decided(): AppError {
  return new AppError(
    409,
    'FUNDS_DISBURSEMENT_DECIDED',
    bi('该笔拨付已审批或已退回', 'The payment has already been decided'),
  );
}

export function invalid(errors: FieldError[]): AppError {
  return unprocessable(
    'FUNDS_DISBURSEMENT_INVALID',
    bi('拨付信息有误，请查看标出的字段', 'The payment is invalid; see the listed fields'),
    errors,
  );
}
