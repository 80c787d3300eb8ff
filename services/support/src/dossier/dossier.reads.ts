import { type Bounded, type Principal, readBounded } from '@fupin/kit';
import type {
  DropoutCase,
  Enrollment,
  Student,
  SubsidyPayment,
} from '../education/education.model';
import type {
  ChronicCareContract,
  InpatientEpisode,
  SeriousIllnessCase,
} from '../health/health.model';
import type { SupportRepositories } from '../module';
import type { Person } from '../people/person.model';

// The reads of one household's dossier: each one collection's records of the household inside
// the caller's scope, through its `{ householdId, areaCode }` index, bounded (the kit's
// `readBounded`: at most the limit, with how many there are and how many were left out).

/** How many records of each kind a dossier shows at most (a household has far fewer). */
export const DOSSIER_LIMITS = {
  members: 100,
  students: 100,
  enrollments: 400,
  payments: 300,
  dropouts: 100,
  episodes: 200,
  contracts: 100,
  illnesses: 100,
} as const;

/** Subsidy payments summed per day, type and voided (rolled up by year in memory). */
export interface PaymentGroup {
  _id: { paidOn: string; type: string; voided: boolean };
  payments: number;
  amountFen: number;
}

/** Every in-patient episode of the household summed. */
export interface EpisodeTotals {
  episodes: number;
  totalCostFen: number;
  reimbursedFen: number;
  topUpFen: number;
  topUpPaidFen: number;
}

export interface EducationRecords {
  students: Bounded<Student>;
  enrollments: Bounded<Enrollment>;
  payments: Bounded<SubsidyPayment>;
  paymentGroups: PaymentGroup[];
  dropouts: Bounded<DropoutCase>;
}

export interface HealthRecords {
  episodes: Bounded<InpatientEpisode>;
  episodeTotals: EpisodeTotals;
  contracts: Bounded<ChronicCareContract>;
  illnesses: Bounded<SeriousIllnessCase>;
}

const NO_OUTBOX = { outbox: 0, hasOutbox: 0, outboxLease: 0 } as const;

/** The household's people as the service knows them (the registry's members), oldest first. */
export function readMembers(
  repos: SupportRepositories,
  p: Principal,
  householdId: string,
): Promise<Bounded<Person>> {
  return readBounded(
    repos.persons,
    p,
    { householdId },
    { limit: DOSSIER_LIMITS.members, sort: { birthDate: 1, _id: 1 }, projection: NO_OUTBOX },
  );
}

/** 教育扶贫: the household's students, enrollments, subsidies paid and dropout cases. */
export async function readEducation(
  repos: SupportRepositories,
  p: Principal,
  householdId: string,
): Promise<EducationRecords> {
  const of = { householdId };
  const [students, enrollments, payments, paymentGroups, dropouts] = await Promise.all([
    readBounded(repos.students, p, of, {
      limit: DOSSIER_LIMITS.students,
      sort: { birthDate: 1, _id: 1 },
    }),
    readBounded(repos.enrollments, p, of, {
      limit: DOSSIER_LIMITS.enrollments,
      sort: { recordedAt: -1, _id: 1 },
      projection: NO_OUTBOX,
    }),
    readBounded(repos.payments, p, of, {
      limit: DOSSIER_LIMITS.payments,
      sort: { paidOn: -1, _id: 1 },
      projection: NO_OUTBOX,
    }),
    repos.payments.aggregate<PaymentGroup>(p, [
      { $match: of },
      {
        $group: {
          _id: { paidOn: '$paidOn', type: '$type', voided: '$voided' },
          payments: { $sum: 1 },
          amountFen: { $sum: '$amountFen' },
        },
      },
    ]),
    readBounded(repos.dropouts, p, of, {
      limit: DOSSIER_LIMITS.dropouts,
      sort: { openedAt: -1, _id: 1 },
      projection: NO_OUTBOX,
    }),
  ]);
  return { students, enrollments, payments, paymentGroups, dropouts };
}

/** 健康扶贫: the household's in-patient episodes (and their sums), contracts and relief cases. */
export async function readHealth(
  repos: SupportRepositories,
  p: Principal,
  householdId: string,
): Promise<HealthRecords> {
  const of = { householdId };
  const [episodes, sums, contracts, illnesses] = await Promise.all([
    readBounded(repos.episodes, p, of, {
      limit: DOSSIER_LIMITS.episodes,
      sort: { admittedOn: -1, _id: 1 },
      projection: NO_OUTBOX,
    }),
    repos.episodes.aggregate<EpisodeTotals>(p, [
      { $match: of },
      {
        $group: {
          _id: null,
          episodes: { $sum: 1 },
          totalCostFen: { $sum: '$totalCostFen' },
          reimbursedFen: { $sum: '$reimbursedFen' },
          topUpFen: { $sum: '$topUpFen' },
          topUpPaidFen: { $sum: '$topUpPaidFen' },
        },
      },
    ]),
    readBounded(repos.contracts, p, of, {
      limit: DOSSIER_LIMITS.contracts,
      sort: { signedOn: -1, _id: 1 },
    }),
    readBounded(repos.illnesses, p, of, {
      limit: DOSSIER_LIMITS.illnesses,
      sort: { includedOn: -1, _id: 1 },
    }),
  ]);
  const episodeTotals: EpisodeTotals = {
    episodes: sums[0]?.episodes ?? 0,
    totalCostFen: sums[0]?.totalCostFen ?? 0,
    reimbursedFen: sums[0]?.reimbursedFen ?? 0,
    topUpFen: sums[0]?.topUpFen ?? 0,
    topUpPaidFen: sums[0]?.topUpPaidFen ?? 0,
  };
  return { episodes, episodeTotals, contracts, illnesses };
}
