import { type ProjectedHousehold, projectedHouseholdModel, scopedRepository } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { areaNameModel, type Fact, factModel, lateEventModel } from './indicators/fact.model';
import {
  rankingModel,
  rankingRecordsModel,
  type RankingResult,
  rankingResultModel,
} from './rankings/ranking.model';
import { schemeModel } from './schemes/scheme.model';
import { type Complaint, complaintModel } from './complaints/complaint.model';
import { type AccountabilityCase, accountabilityCaseModel } from './accountability/case.model';

/**
 * The assessment's collections: the models (for the outbox relay, the projections and tests)
 * and, for each area-scoped collection, the repository its services are given.
 */
export function assessmentCollections(conn: Connection) {
  const models = {
    facts: factModel(conn),
    areas: areaNameModel(conn),
    late: lateEventModel(conn),
    households: projectedHouseholdModel(conn),
    schemes: schemeModel(conn),
    rankings: rankingModel(conn),
    results: rankingResultModel(conn),
    records: rankingRecordsModel(conn),
    cases: accountabilityCaseModel(conn),
    complaints: complaintModel(conn),
  };
  const repos = {
    facts: scopedRepository<Fact>(models.facts),
    /** Registered households, as the indicators measure them (the projection writes its model). */
    households: scopedRepository<ProjectedHousehold>(models.households),
    results: scopedRepository<RankingResult>(models.results),
    cases: scopedRepository<AccountabilityCase>(models.cases),
    complaints: scopedRepository<Complaint>(models.complaints),
  };
  return { models, repos };
}
