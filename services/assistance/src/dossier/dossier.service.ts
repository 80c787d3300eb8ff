import type { DossierPart } from '@fupin/contracts';
import {
  type Bounded,
  newestFirst,
  type Principal,
  type ProjectedHousehold,
  READ_IN_SCOPE,
  readBounded,
  type ScopedRepository,
  timelineInstant,
} from '@fupin/kit';
import type { HelperService, HelperView } from '../helpers/helper.service';
import type { HouseholdDirectory } from '../households/household.directory';
import type { Measure } from '../measures/measure.model';
import type { Pairing } from '../pairings/pairing.model';
import type { Plan } from '../plans/plan.model';
import type { Visit } from '../visits/visit.model';
import {
  helpersSection,
  measuresSection,
  type MonthOfVisits,
  photosSection,
  planSection,
  visitCalendar,
  visitsSection,
} from './dossier.sections';
import { measureEntries, pairingEntries, planEntries, visitEntries } from './dossier.timeline';

/** At most this many of each list; the section says how many more exist. */
const PAIRINGS_SHOWN = 100;
const MEASURES_SHOWN = 200;
const VISITS_SHOWN = 200;
const LEAN = { outbox: 0, outboxLease: 0 } as const;

/** What the assistance part is made of, as read for one household. */
export interface AssistanceReads {
  household: ProjectedHousehold;
  pairings: Bounded<Pairing>;
  helpers: HelperView[];
  plan: Plan | null;
  measures: Bounded<Measure>;
  /** The newest visits (at most VISITS_SHOWN). */
  visits: Visit[];
  /** Every month the household had visits in, with their visits and photos. */
  months: MonthOfVisits[];
}

/** The part from what was read: its sections and its timeline, newest first. */
export function assistancePart(r: AssistanceReads, now: Date): DossierPart {
  return {
    part: 'assistance',
    householdId: r.household._id,
    generatedAt: timelineInstant(now),
    sections: {
      helpers: helpersSection(r.pairings, r.helpers),
      plan: planSection(r.plan, r.household),
      measures: measuresSection(r.measures),
      visits: visitsSection(r.visits, r.months),
      visitCalendar: visitCalendar(r.months, now),
      photos: photosSection(r.visits, r.months),
    },
    timeline: newestFirst([
      ...pairingEntries(r.pairings.items),
      ...planEntries(r.plan),
      ...measureEntries(r.measures.items),
      ...visitEntries(r.visits),
    ]),
  };
}

/**
 * 一户一档, the assistance part — a household's helpers, plan, measures, visits and photos.
 * The household is looked up in the caller's scope first (404 outside it, as every by-id read);
 * each list is then read by the household's id through its scoped repository, on the indexes
 * the lists use (`householdId` followed by the area), and cut at a few hundred.
 */
export class AssistanceDossier {
  constructor(
    private readonly deps: {
      households: HouseholdDirectory;
      helpers: HelperService;
      pairings: ScopedRepository<Pairing>;
      plans: ScopedRepository<Plan>;
      measures: ScopedRepository<Measure>;
      visits: ScopedRepository<Visit>;
      now: () => Date;
    },
  ) {}

  async read(p: Principal, householdId: string): Promise<DossierPart> {
    const household = await this.deps.households.get(p, householdId);
    const now = this.deps.now();
    const mine = { householdId: household._id };
    const [pairings, plan, measures, visits, months] = await Promise.all([
      readBounded(this.deps.pairings, p, mine, {
        sort: { startDate: -1, _id: -1 },
        projection: LEAN,
        limit: PAIRINGS_SHOWN,
      }),
      this.planOf(p, household._id),
      readBounded(this.deps.measures, p, mine, {
        sort: { createdAt: -1, _id: -1 },
        projection: LEAN,
        limit: MEASURES_SHOWN,
      }),
      this.deps.visits.find(p, mine, {
        sort: { date: -1, _id: -1 },
        projection: { ...LEAN, location: 0 },
        limit: VISITS_SHOWN,
      }),
      this.monthsOf(p, household._id),
    ]);
    const helpers = await this.deps.helpers.visibleByIds(
      p,
      pairings.items.map((x) => x.helperId),
    );
    return assistancePart({ household, pairings, helpers, plan, measures, visits, months }, now);
  }

  /**
   * The household's plan (keyed by its id, in its area): read by the id alone, as the household
   * was just read within the caller's scope, and the scope checked on it all the same.
   */
  private async planOf(p: Principal, householdId: string): Promise<Plan | null> {
    const plan = await this.deps.plans.findOne(READ_IN_SCOPE, { _id: householdId });
    return plan && this.deps.plans.contains(p, plan) ? plan : null;
  }

  /** The household's visits and photos per month: one group per month it was visited in. */
  private async monthsOf(p: Principal, householdId: string): Promise<MonthOfVisits[]> {
    const rows = await this.deps.visits.aggregate<{ _id: string; visits: number; photos: number }>(
      p,
      [
        { $match: { householdId } },
        {
          $group: {
            _id: '$month',
            visits: { $sum: 1 },
            photos: { $sum: { $size: { $ifNull: ['$photos', []] } } },
          },
        },
      ],
    );
    return rows.map((r) => ({ month: r._id, visits: r.visits, photos: r.photos }));
  }
}
