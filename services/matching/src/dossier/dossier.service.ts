import type { DossierPart, FindingStatus } from '@fupin/contracts';
import {
  allOf,
  bi,
  countyWide,
  notFound,
  type Principal,
  type ProjectedHousehold,
  type ScopedRepository,
} from '@fupin/kit';
import type { Finding } from '../findings/finding.model';
import { ownListTypeFilter } from '../lists/list-departments';
import {
  FINDING_LIMIT,
  findingCounts,
  findingEntry,
  findingTimeline,
  newestFirst,
} from './dossier.findings';

const HOUSEHOLD = bi('贫困户', 'Household');
/** The projected household by its id, then checked against the caller's scope here. */
const BY_ID = countyWide(
  "a household by its id alone, checked against the caller's scope after the read (an _id filter with the scope's range is a collection scan on SecantusDB)",
);

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

  /**
   * `behind` measures how far the projection of the registry's households is behind (the
   * registry asked with the caller's token): only once the household is known to the caller.
   */
  async read(
    p: Principal,
    householdId: string,
    behindOf: () => Promise<DossierPart['behind']>,
  ): Promise<DossierPart> {
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
      own ? null : this.projected(p, householdId),
    ]);
    if (findings.length === 0 && !projected)
      throw notFound(HOUSEHOLD, 'MATCHING_HOUSEHOLD_NOT_FOUND');
    const total = byStatus.reduce((sum, s) => sum + s.n, 0);
    const behind = await behindOf();
    return {
      part: 'matching',
      householdId,
      generatedAt: now.toISOString(),
      ...(behind ? { behind } : {}),
      sections: {
        findings: {
          items: findings.map((f) => findingEntry(f, now)),
          total: Math.max(total, findings.length),
          omitted: Math.max(0, total - findings.length),
        },
        counts: findingCounts(
          Object.fromEntries(byStatus.map((s) => [s._id, s.n])),
          byStatus.reduce((sum, s) => sum + s.overdue, 0),
        ),
      },
      timeline: newestFirst(findingTimeline(findings)),
    };
  }

  /** The registered household in the projection, when it lies in the caller's scope. */
  private async projected(p: Principal, id: string): Promise<boolean> {
    // By `_id` alone (a filter field outside the index is a scan on SecantusDB), then checked.
    const h = await this.deps.households.findOne(
      BY_ID,
      { _id: id },
      { projection: { _id: 1, areaCode: 1, revision: 1 } },
    );
    // Revision 0: members that arrived before their household (REGISTERED_HOUSEHOLDS).
    return h !== null && h.revision > 0 && this.deps.households.contains(p, h);
  }
}
