import type { DossierPart } from '@fupin/contracts';
import {
  bi,
  type Bounded,
  newestFirst,
  notFound,
  type Principal,
  type ProjectedHousehold,
  registeredHouseholdInScope,
  READ_IN_SCOPE,
  readBounded,
  type ScopedRepository,
  timelineInstant,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Disbursement } from '../disbursements/disbursement.model';
import type { Loan } from '../loans/loan.model';
import type { Project } from '../projects/project.model';
import {
  type DossierProject,
  loansSection,
  paymentsSection,
  projectsSection,
  totalsSection,
} from './dossier.sections';
import { loanEntries, paymentEntries, projectEntries } from './dossier.timeline';

/** At most this many of each list; the section says how many more exist. */
const PROJECTS_SHOWN = 100;
const PAYMENTS_SHOWN = 200;
const LOANS_SHOWN = 50;
const PROJECT_FIELDS = {
  code: 1,
  name: 1,
  type: 1,
  year: 1,
  areaCode: 1,
  status: 1,
  dates: 1,
  plannedTotalFen: 1,
  money: 1,
  beneficiaries: 1,
} as const;

const HOUSEHOLD = bi('贫困户', 'Household');

/** What the funds part is made of, as read for one household. */
export interface FundsReads {
  householdId: string;
  projects: Bounded<DossierProject>;
  /** Projects that paid the household without listing it among their beneficiaries. */
  paidThrough: DossierProject[];
  payments: Bounded<Disbursement>;
  loans: Bounded<Loan>;
}

/** The part from what was read: its sections and its timeline, newest first. */
export function fundsPart(r: FundsReads, now: Date): DossierPart {
  const today = shanghaiDateOf(now);
  return {
    part: 'funds',
    householdId: r.householdId,
    generatedAt: timelineInstant(now),
    sections: {
      projects: projectsSection(r.projects, r.paidThrough, r.payments.items, r.householdId),
      payments: paymentsSection(r.payments, r.householdId),
      loans: loansSection(r.loans, today),
      totals: totalsSection(r.payments.items, r.loans.items, r.householdId, today),
    },
    timeline: newestFirst([
      ...paymentEntries(r.payments.items, r.householdId),
      ...loanEntries(r.loans.items, today),
      ...projectEntries([...r.projects.items, ...r.paidThrough]),
    ]),
  };
}

/**
 * 一户一档, the funds part — the projects that benefit a household, the payments to it and its
 * loans. The household is looked up in the registry projection within the caller's scope first
 * (404 outside it); each list is then read by the household's id through its scoped repository,
 * on an index led by that id and followed by the area, and cut at a few hundred.
 */
export class FundsDossier {
  constructor(
    private readonly deps: {
      households: ScopedRepository<ProjectedHousehold>;
      projects: ScopedRepository<Project>;
      disbursements: ScopedRepository<Disbursement>;
      loans: ScopedRepository<Loan>;
      now: () => Date;
    },
  ) {}

  async read(p: Principal, householdId: string): Promise<DossierPart> {
    const household = await this.household(p, householdId);
    const now = this.deps.now();
    const id = household._id;
    const [projects, payments, loans] = await Promise.all([
      readBounded(
        this.deps.projects,
        p,
        { 'beneficiaries.poorHouseholdIds': id },
        { projection: PROJECT_FIELDS, sort: { year: -1, _id: -1 }, limit: PROJECTS_SHOWN },
      ),
      readBounded(
        this.deps.disbursements,
        p,
        { 'payees.householdId': id },
        {
          projection: { history: 0, outbox: 0, outboxLease: 0, payee: 0 },
          sort: { submittedAt: -1, _id: -1 },
          limit: PAYMENTS_SHOWN,
        },
      ),
      readBounded(
        this.deps.loans,
        p,
        { householdId: id },
        { projection: { history: 0 }, sort: { startOn: -1, _id: -1 }, limit: LOANS_SHOWN },
      ),
    ]);
    const paidThrough = await this.projectsOf(p, payments.items, projects.items);
    return fundsPart({ householdId: id, projects, paidThrough, payments, loans }, now);
  }

  /** A registered household in the caller's scope, or 404 (one outside it is not revealed). */
  private async household(p: Principal, id: string): Promise<ProjectedHousehold> {
    const h = await registeredHouseholdInScope(this.deps.households, p, id, { members: 0 });
    if (!h) throw notFound(HOUSEHOLD, 'FUNDS_HOUSEHOLD_NOT_FOUND');
    return h;
  }

  /**
   * The projects of payments read within the caller's scope that are not listed already (a
   * payment is in its project's area); read by id and checked against the scope all the same.
   */
  private async projectsOf(
    p: Principal,
    payments: Disbursement[],
    listed: DossierProject[],
  ): Promise<DossierProject[]> {
    const have = new Set(listed.map((x) => x._id));
    const ids = [...new Set(payments.map((d) => d.projectId))].filter((x) => !have.has(x));
    if (ids.length === 0) return [];
    const rows = await this.deps.projects.find(
      READ_IN_SCOPE,
      { _id: { $in: ids } },
      { projection: PROJECT_FIELDS },
    );
    return rows
      .filter((x) => this.deps.projects.contains(p, x))
      .sort((a, b) => b.year - a.year || a.code.localeCompare(b.code));
  }
}
