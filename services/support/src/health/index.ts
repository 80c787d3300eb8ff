import { basisPoints } from '../config';
import type { SupportContext, SupportModule } from '../module';
import { moveHousehold, rehashPeople } from '../people/person-link';
import { CareService } from './care.service';
import { EpisodeService } from './episode.service';
import { HEALTH_TOPICS } from './health.events';
import { healthRoutes } from './health.routes';
import { InsuranceService } from './insurance.service';

/** 健康扶贫: insurance coverage, chronic-care contracts, in-patient top-ups, serious illness. */
export function healthModule(ctx: SupportContext) {
  const { repos } = ctx;
  const c = ctx.config;
  const insurance = new InsuranceService({
    persons: repos.persons,
    people: ctx.people,
    targets: {
      basic_medical: basisPoints(c.COVERAGE_TARGET_BASIC_MEDICAL_PERCENT),
      serious_illness: basisPoints(c.COVERAGE_TARGET_SERIOUS_ILLNESS_PERCENT),
      pension: basisPoints(c.COVERAGE_TARGET_PENSION_PERCENT),
    },
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const episodes = new EpisodeService({
    episodes: repos.episodes,
    people: ctx.people,
    targetBasisPoints: basisPoints(c.TOP_UP_TARGET_PERCENT),
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const care = new CareService({
    contracts: repos.contracts,
    illnesses: repos.illnesses,
    people: ctx.people,
    now: ctx.now,
  });
  // Episodes keep being paid where the person lives now; the lists follow the household.
  ctx.people.onHouseholdMoved(async (householdIds, areaCode, townshipCode) => {
    for (const r of [repos.episodes, repos.contracts, repos.illnesses])
      await moveHousehold(r, householdIds, areaCode, townshipCode);
  });
  // A rehashed person's records take the new hash (none under a dropped HMAC key stays).
  ctx.people.onPeopleRehashed(async (people) => {
    for (const r of [repos.episodes, repos.contracts, repos.illnesses])
      await rehashPeople(r, people);
  });
  const module: SupportModule = {
    name: 'health',
    topics: HEALTH_TOPICS,
    routes: (router) =>
      healthRoutes(router, { insurance, episodes, care, audit: ctx.audit, now: ctx.now }),
  };
  return { module, insurance, episodes, care };
}
export type Health = ReturnType<typeof healthModule>;
