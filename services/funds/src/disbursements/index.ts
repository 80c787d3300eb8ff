import type { ServiceModule } from '@fupin/kit';
import { MisuseDetector } from '../findings/misuse.detector';
import type { DisbursementDeps } from './disbursement.deps';
import { DISBURSEMENT_TOPICS } from './disbursement.events';
import { disbursementRoutes } from './disbursement.routes';
import { DisbursementService } from './disbursement.service';

/**
 * 拨付 — payments under the reimbursement rule, with the misuse checks that hold them back;
 * their outbox is the payments' collection (given to the relay by the composition root).
 */
export function paymentsModule(
  deps: Omit<DisbursementDeps, 'detector'>,
): ServiceModule & { service: DisbursementService } {
  const detector = new MisuseDetector({
    disbursements: deps.disbursements,
    projects: deps.projects,
    findings: deps.findings,
  });
  const service = new DisbursementService({ ...deps, detector });
  return {
    name: 'payments',
    service,
    topics: DISBURSEMENT_TOPICS,
    routes: (router) => disbursementRoutes(router, service),
  };
}
