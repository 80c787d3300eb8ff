import {
  type OpenedService,
  personalDataCipherOf,
  type ScopedRepository,
  type ServiceModule,
} from '@fupin/kit';
import type { AssessmentConfig } from '../config';
import type { AreaNameModel } from '../indicators/fact.model';
import type { OwnFactSource } from '../indicators/own-facts';
import type { Complaint } from './complaint.model';
import { complaintRoutes } from './complaint.routes';
import { ComplaintService } from './complaint.service';
import { complaintFacts } from './complaint.facts';

/**
 * 涉贫信访 — the complaints module of the assessment: its service (the complainant sealed with
 * the service's personal-data keys) and its routes, on the scoped collection the composition
 * root gives it.
 */
export function complaintsModule(
  service: OpenedService<AssessmentConfig>,
  deps: { complaints: ScopedRepository<Complaint>; areas: AreaNameModel },
): { module: ServiceModule; complaints: ComplaintService; facts: OwnFactSource } {
  const complaints = new ComplaintService({
    complaints: deps.complaints,
    areas: deps.areas,
    cipher: personalDataCipherOf(service.config),
    audit: service.audit,
    now: service.now,
  });
  return {
    complaints,
    facts: complaintFacts(deps.complaints),
    module: { name: 'complaints', routes: (router) => complaintRoutes(router, complaints) },
  };
}
