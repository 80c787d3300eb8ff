import type { DossierPart, FindingStatus } from '@fupin/contracts';
import {
  allOf,
  bi,
  bounded,
  newestFirst,
  notFound,
  type Principal,
  type ProjectedHousehold,
  registeredHouseholdInScope,
  type ScopedRepository,
  timelineInstant,
} from '@fupin/kit';
import type { Finding } from '../findings/finding.model';
import { ownListTypeFilter } from '../lists/list-departments';
import { FINDING_LIMIT, findingCounts, findingEntry, findingTimeline } from './dossier.findings';

const HOUSEHOLD = bi('贫困户', 'Household');

/**
 * 一户一档 — matching's part of a household's dossier: the findings on the household in the
 * caller's scope (a department's on its own list types only), newest first, their counts and the
 * timeline of their workflow. The household is known to the caller through a finding, or, for a
 * caller not narrowed to a department, through the projection of the registry's households in its
 * scope; otherwise 404 — a department learns nothing of a household it has no finding on.
 */
export class MatchingDossier {
  constructor(
    private readonly deps: {
      findings: ScopedRepository<Finding>;
      households: ScopedRepository<ProjectedHousehold>;
      now: () => Date;
    },
  ) {}

  async read(p: Principal, householdId: string): Promise<DossierPart> {
    const own = ownListTypeFilter(p, 'listType');
    const filter = allOf({ householdId }, own);
    const now = this.deps.now();
    const [findings, byStatus, projected] = await Promise.all([
      this.deps.findings.find(p, filter, { sort: { createdAt: -1 }, limit: FINDING_LIMIT }),
      this.deps.findings.aggregate<{ _id: FindingStatus; n: number; overdue: number }>(p, [
        { $match: filter },
        {
          $group: {
            _id: '$status',
            n: { $sum: 1 },
            overdue: {
              $sum: {
                $cond: [{ $and: [{ $ne: ['$status', 'closed'] }, { $lt: ['$dueAt', now] }] }, 1, 0],
              },
            },
          },
        },
      ]),
      own
        ? null
        : registeredHouseholdInScope(this.deps.households, p, householdId, {
            _id: 1,
            areaCode: 1,
            revision: 1,
          }),
    ]);
    if (findings.length === 0 && !projected)
      throw notFound(HOUSEHOLD, 'MATCHING_HOUSEHOLD_NOT_FOUND');
    const total = byStatus.reduce((sum, s) => sum + s.n, 0);
    return {
      part: 'matching',
      householdId,
      generatedAt: timelineInstant(now),
      sections: {
        findings: bounded(
          findings.map((f) => findingEntry(f, now)),
          Math.max(total, findings.length),
        ),
        counts: findingCounts(
          Object.fromEntries(byStatus.map((s) => [s._id, s.n])),
          byStatus.reduce((sum, s) => sum + s.overdue, 0),
        ),
      },
      timeline: newestFirst(findingTimeline(findings)),
    };
  }
}
