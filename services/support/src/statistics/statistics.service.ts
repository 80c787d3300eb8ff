import type { Principal } from '@fupin/kit';
import type { Education } from '../education';
import { schoolYearOf } from '../education/school-calendar';
import type { Health } from '../health';
import type { SupportRepositories } from '../module';
import { healthYearToShow, termToShow } from './default-period';

/** 统计 — the dashboard figures of each half, within the caller's area. */
export class StatisticsService {
  constructor(
    private readonly deps: {
      repos: Pick<SupportRepositories, 'enrollments' | 'dropouts' | 'persons' | 'episodes'>;
      education: Education;
      health: Health;
    },
  ) {}

  /** The term the education figures show when none is asked for (see termToShow). */
  async educationTerm(p: Principal, current: string) {
    const terms = await this.deps.repos.enrollments.aggregate<{ _id: string }>(p, [
      { $group: { _id: '$term' } },
    ]);
    return termToShow(
      current,
      terms.map((t) => t._id),
    );
  }

  /** The year the health figures show when none is asked for (see healthYearToShow). */
  async healthYear(p: Principal, current: number) {
    const { persons, episodes } = this.deps.repos;
    const [latestEpisode] = await episodes.aggregate<{ _id: null; last: string | null }>(p, [
      { $match: { admittedOn: { $lte: `${current}-12-31` } } },
      { $group: { _id: null, last: { $max: '$admittedOn' } } },
    ]);
    // One pass over the area's people: the years their insurance records are kept under.
    const insured = await persons.aggregate<{ _id: string }>(p, [
      { $project: { years: { $objectToArray: { $ifNull: ['$insurance', {}] } } } },
      { $unwind: '$years' },
      { $group: { _id: '$years.k' } },
    ]);
    const years = insured.map((y) => Number(y._id)).filter(Number.isInteger);
    const episodeYear = latestEpisode?.last ? Number(latestEpisode.last.slice(0, 4)) : null;
    return healthYearToShow(current, years, episodeYear);
  }

  async education(p: Principal, term: string) {
    const { enrollments, dropouts } = this.deps.repos;
    const { subsidies } = this.deps.education;
    const [byStage, byStatus, dropoutOpen, dropoutOpenWithoutOwner, dropoutClosed, subsidyTotals] =
      await Promise.all([
        enrollments.aggregate<{ _id: string; n: number }>(p, [
          { $match: { term, status: 'enrolled' } },
          { $group: { _id: '$stage', n: { $sum: 1 } } },
        ]),
        enrollments.aggregate<{ _id: string; n: number }>(p, [
          { $match: { term } },
          { $group: { _id: '$status', n: { $sum: 1 } } },
        ]),
        dropouts.count(p, { status: 'open' }),
        dropouts.count(p, { status: 'open', owner: null }),
        dropouts.count(p, { status: 'closed', schoolYear: schoolYearOf(term) }),
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
