import { type ProjectedHousehold, projectedHouseholdModel, scopedRepository } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { coverageReportModel } from './coverage/coverage-report.model';
import { type Helper, helperModel } from './helpers/helper.model';
import { type PairingImport, pairingImportModel } from './imports/pairing-import.model';
import { type Measure, measureModel } from './measures/measure.model';
import { type Receipt, receiptModel } from './receipts/receipt.model';
import { pairingLimitModel } from './pairings/pairing-limit.model';
import { type Pairing, pairingModel } from './pairings/pairing.model';
import { type Plan, planModel } from './plans/plan.model';
import {
  type VillageAssignment,
  villageAssignmentModel,
  type WorkTeam,
  workTeamModel,
} from './villages/village-assignment.model';
import { photoModel, type StoredPhoto, type Visit, visitModel } from './visits/visit.model';

/**
 * The assistance service's collections: the models (for the outbox relay, the projection and
 * tests) and, for each area-scoped collection, the repository its services are given.
 */
export function assistanceCollections(conn: Connection) {
  const models = {
    projected: projectedHouseholdModel(conn),
    helpers: helperModel(conn),
    limits: pairingLimitModel(conn),
    pairings: pairingModel(conn),
    measures: measureModel(conn),
    plans: planModel(conn),
    visits: visitModel(conn),
    photos: photoModel(conn),
    assignments: villageAssignmentModel(conn),
    teams: workTeamModel(conn),
    reports: coverageReportModel(conn),
    imports: pairingImportModel(conn),
    receipts: receiptModel(conn),
  };
  const repos = {
    households: scopedRepository<ProjectedHousehold>(models.projected),
    helpers: scopedRepository<Helper>(models.helpers),
    pairings: scopedRepository<Pairing>(models.pairings),
    measures: scopedRepository<Measure>(models.measures),
    plans: scopedRepository<Plan>(models.plans),
    visits: scopedRepository<Visit>(models.visits),
    photos: scopedRepository<StoredPhoto>(models.photos),
    assignments: scopedRepository<VillageAssignment>(models.assignments),
    teams: scopedRepository<WorkTeam>(models.teams),
    receipts: scopedRepository<Receipt>(models.receipts),
    /** Import reports, in the area of the user who imported. */
    imports: scopedRepository<PairingImport>(models.imports, 'actorArea'),
  };
  return { models, repos };
}
