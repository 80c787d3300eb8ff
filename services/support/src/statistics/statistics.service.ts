import { areaScopeFilter, type Principal } from '@fupin/kit';
import type { Education } from '../education';
import { schoolYearOf } from '../education/school-calendar';
import type { Health } from '../health';

/** 统计 — the dashboard figures of each half, within the caller's area. */
export class StatisticsService {
  constructor(private readonly deps: { education: Education; health: Health }) {}

  async education(p: Principal, term: string) {
    const { models, subsidies } = this.deps.education;
    const scope = areaScopeFilter(p);
    const [byStage, byStatus, dropoutOpen, dropoutOpenWithoutOwner, dropoutClosed, subsidyTotals] =
      await Promise.all([
        models.enrollments.aggregate<{ _id: string; n: number }>([
          { $match: { $and: [scope, { term, status: 'enrolled' }] } },
          { $group: { _id: '$stage', n: { $sum: 1 } } },
        ]),
        models.enrollments.aggregate<{ _id: string; n: number }>([
          { $match: { $and: [scope, { term }] } },
          { $group: { _id: '$status', n: { $sum: 1 } } },
        ]),
        models.dropouts.countDocuments({ $and: [scope, { status: 'open' }] }),
        models.dropouts.countDocuments({ $and: [scope, { status: 'open', owner: null }] }),
        models.dropouts.countDocuments({
          $and: [scope, { status: 'closed', schoolYear: schoolYearOf(term) }],
        }),
        subsidies.totals(p, { term, by: 'type' }),
      ]);
    return {
      term,
      schoolYear: schoolYearOf(term),
      enrolledByStage: byStage
        .map((r) => ({ stage: r._id, students: r.n }))
        .sort((a, b) => a.stage.localeCompare(b.stage)),
      enrollmentsByStatus: byStatus.map((r) => ({ status: r._id, students: r.n })),
      dropoutCases: {
        open: dropoutOpen,
        openWithoutOwner: dropoutOpenWithoutOwner,
        closedThisSchoolYear: dropoutClosed,
      },
      subsidies: { byType: subsidyTotals.rows, total: subsidyTotals.total },
    };
  }

  async health(p: Principal, year: number) {
    const { insurance, episodes, care } = this.deps.health;
    const [coverage, inpatient, counts] = await Promise.all([
      insurance.coverage(p, { year, by: 'township' }),
      episodes.summary(p, { admittedFrom: `${year}-01-01`, admittedTo: `${year}-12-31` }),
      care.counts(p),
    ]);
    return { year, coverage: coverage.total, inpatient, ...counts };
  }
}
