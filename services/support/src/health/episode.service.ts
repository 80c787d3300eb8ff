import { randomUUID } from 'node:crypto';
import {
  AppError,
  allOf,
  bi,
  conflict,
  type FieldError,
  type Filter,
  type ListQuery,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
  unprocessable,
  withOutbox,
  actorOf,
  READ_IN_SCOPE,
} from '@fupin/kit';
import { staleRevision } from '../http';
import { linkOf } from '../people/person-link';
import type { PersonService } from '../people/person.service';
import { reimbursementOf, type TopUpStatus, topUpStatusOf } from './reimbursement.rules';
import type { InpatientEpisode, TopUpPayment } from './health.model';
import { reimbursementRecorded, topUpPaid } from './health.events';

export interface EpisodeInput {
  personId: string;
  hospital: string;
  admittedOn: string;
  dischargedOn?: string | null | undefined;
  diagnosis?: string | null | undefined;
  totalCostFen: number;
  basicInsuranceFen: number;
  seriousIllnessInsuranceFen: number;
  medicalAssistanceFen: number;
  treatFirstPayLater?: boolean | undefined;
}

export interface TopUpInput {
  /** Omitted: everything still owed. */
  amountFen?: number | undefined;
  paidOn: string;
  department: string;
  voucherNo?: string | null | undefined;
}

export interface EpisodeFilter {
  topUpStatus?: TopUpStatus;
  townshipCode?: string;
  areaCode?: string;
  personId?: string;
  admittedFrom?: string;
  admittedTo?: string;
}

export type EpisodeView = Omit<
  InpatientEpisode,
  '_id' | 'idHash' | 'outbox' | 'hasOutbox' | 'outboxLease'
> & {
  id: string;
};

export function episodeView(x: InpatientEpisode): EpisodeView {
  const { _id, idHash: _h, outbox: _o, hasOutbox: _ho, outboxLease: _l, ...rest } = x;
  return { id: _id, ...rest };
}

const EPISODE = {
  what: bi('住院报账记录', 'In-patient episode'),
  code: 'SUPPORT_EPISODE_NOT_FOUND',
};

/**
 * 住院报账与追补 — in-patient episodes of registered people with what each layer paid; the
 * service computes the reimbursed ratio and the top-up owed to reach the guaranteed ratio
 * (seed 002: 报付比例未达到90%的追补到90%), and tracks the top-up's payment.
 */
export class EpisodeService {
  constructor(
    private readonly deps: {
      episodes: ScopedRepository<InpatientEpisode>;
      people: PersonService;
      /** The guaranteed ratio in basis points (9000 = 90%), from configuration. */
      targetBasisPoints: number;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  private figures(input: EpisodeInput) {
    const r = reimbursementOf(input.totalCostFen, input, this.deps.targetBasisPoints);
    if ('problem' in r) {
      const errors: FieldError[] = [
        'basicInsuranceFen',
        'seriousIllnessInsuranceFen',
        'medicalAssistanceFen',
      ].map((field) => ({
        field,
        code: 'exceeds_cost',
        message: bi('三重保障报销合计超过住院总费用', 'The layers together exceed the total cost'),
      }));
      throw unprocessable(
        'SUPPORT_REIMBURSEMENT_EXCEEDS_COST',
        bi(
          '基本医保、大病保险和医疗救助合计不能超过住院总费用',
          'The three layers together cannot exceed the total cost',
        ),
        errors,
      );
    }
    if (input.dischargedOn && input.dischargedOn < input.admittedOn) {
      throw unprocessable(
        'SUPPORT_EPISODE_DATES',
        bi('出院日期不能早于入院日期', 'Discharge cannot be before admission'),
        [
          {
            field: 'dischargedOn',
            code: 'before_admission',
            message: bi('早于入院日期', 'before admission'),
          },
        ],
      );
    }
    return r;
  }

  async record(p: Principal, input: EpisodeInput): Promise<EpisodeView> {
    const person = await this.deps.people.loadRegistered(p, input.personId);
    const r = this.figures(input);
    const doc: InpatientEpisode = {
      _id: randomUUID(),
      ...linkOf(person),
      hospital: input.hospital,
      admittedOn: input.admittedOn,
      dischargedOn: input.dischargedOn ?? null,
      diagnosis: input.diagnosis ?? null,
      totalCostFen: input.totalCostFen,
      basicInsuranceFen: input.basicInsuranceFen,
      seriousIllnessInsuranceFen: input.seriousIllnessInsuranceFen,
      medicalAssistanceFen: input.medicalAssistanceFen,
      ...r,
      topUpPaidFen: 0,
      topUpStatus: topUpStatusOf(r.topUpFen, 0),
      topUpPayments: [],
      treatFirstPayLater: input.treatFirstPayLater ?? false,
      recordedAt: this.deps.now(),
      recordedBy: p.userId,
      revision: 1,
    };
    await this.deps.episodes.create(p, withOutbox(doc, [reimbursementRecorded(doc, actorOf(p))]));
    this.deps.eventsStored();
    return episodeView(doc);
  }

  /** Corrects an episode's figures; only before any top-up was paid on it. */
  async correct(
    p: Principal,
    id: string,
    input: Omit<EpisodeInput, 'personId'>,
    revision?: number,
  ): Promise<EpisodeView> {
    const x = await this.load(p, id);
    if (revision !== undefined && revision !== x.revision) throw staleRevision();
    if (x.topUpPaidFen > 0) {
      throw conflict(
        'SUPPORT_EPISODE_TOP_UP_PAID',
        bi('已发放追补资金的住院记录不能修改', 'An episode with a top-up paid cannot be changed'),
      );
    }
    const r = this.figures({ ...input, personId: x.personId });
    const set = {
      hospital: input.hospital,
      admittedOn: input.admittedOn,
      dischargedOn: input.dischargedOn ?? null,
      diagnosis: input.diagnosis ?? null,
      totalCostFen: input.totalCostFen,
      basicInsuranceFen: input.basicInsuranceFen,
      seriousIllnessInsuranceFen: input.seriousIllnessInsuranceFen,
      medicalAssistanceFen: input.medicalAssistanceFen,
      treatFirstPayLater: input.treatFirstPayLater ?? x.treatFirstPayLater,
      ...r,
      topUpStatus: topUpStatusOf(r.topUpFen, 0),
    };
    const after: InpatientEpisode = { ...x, ...set, revision: x.revision + 1 };
    const res = await this.deps.episodes.updateOne(
      READ_IN_SCOPE,
      { _id: id, revision: x.revision, topUpPaidFen: 0 },
      outboxUpdate({ $set: set, $inc: { revision: 1 } }, [
        reimbursementRecorded(after, actorOf(p)),
      ]),
    );
    if (res.modifiedCount === 0) throw staleRevision();
    this.deps.eventsStored();
    return episodeView(after);
  }

  /** Records a top-up payment (all that is still owed, unless an amount is given). */
  async payTopUp(p: Principal, id: string, input: TopUpInput): Promise<EpisodeView> {
    const x = await this.load(p, id);
    const owed = x.topUpFen - x.topUpPaidFen;
    if (owed <= 0) {
      throw conflict(
        'SUPPORT_TOP_UP_NOT_OWED',
        x.topUpFen === 0
          ? bi(
              '该次住院报付比例已达标，无需追补',
              'The episode reached the guaranteed ratio; nothing is owed',
            )
          : bi('追补资金已全部发放', 'The top-up has been paid in full'),
      );
    }
    const amountFen = input.amountFen ?? owed;
    if (amountFen <= 0 || amountFen > owed) {
      throw new AppError(
        422,
        'SUPPORT_TOP_UP_AMOUNT',
        bi(
          `追补金额应在 0.01 元到应追补余额 ${owed / 100} 元之间`,
          `The amount must be between 1 fen and the ${owed} fen still owed`,
        ),
        {
          errors: [
            {
              field: 'amountFen',
              code: 'out_of_range',
              message: bi('金额超出应追补余额', 'more than is owed'),
            },
          ],
        },
      );
    }
    const payment: TopUpPayment = {
      id: randomUUID(),
      amountFen,
      paidOn: input.paidOn,
      department: input.department,
      voucherNo: input.voucherNo ?? null,
      recordedAt: this.deps.now(),
      recordedBy: p.userId,
    };
    const paid = x.topUpPaidFen + amountFen;
    const after: InpatientEpisode = {
      ...x,
      topUpPaidFen: paid,
      topUpStatus: topUpStatusOf(x.topUpFen, paid),
      topUpPayments: [...x.topUpPayments, payment],
      revision: x.revision + 1,
    };
    const res = await this.deps.episodes.updateOne(
      READ_IN_SCOPE,
      // Guarded by what was paid, so two clerks cannot together pay more than is owed.
      { _id: id, topUpPaidFen: x.topUpPaidFen, revision: x.revision },
      outboxUpdate(
        {
          $set: { topUpPaidFen: paid, topUpStatus: after.topUpStatus },
          $push: { topUpPayments: payment },
          $inc: { revision: 1 },
        },
        [topUpPaid(after, payment, actorOf(p))],
      ),
    );
    if (res.modifiedCount === 0) throw staleRevision();
    this.deps.eventsStored();
    return episodeView(after);
  }

  /** An episode of the caller's area (404 when missing, 403 when another area's). */
  load(p: Principal, id: string): Promise<InpatientEpisode> {
    return this.deps.episodes.getForChange(p, id, EPISODE, { outbox: 0 });
  }

  async get(p: Principal, id: string): Promise<EpisodeView> {
    return episodeView(await this.load(p, id));
  }

  private filterOf(f: EpisodeFilter): Filter {
    const and: Filter[] = [];
    if (f.topUpStatus) and.push({ topUpStatus: f.topUpStatus });
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.areaCode) and.push({ areaCode: f.areaCode });
    if (f.personId) and.push({ personId: f.personId });
    if (f.admittedFrom) and.push({ admittedOn: { $gte: f.admittedFrom } });
    if (f.admittedTo) and.push({ admittedOn: { $lte: f.admittedTo } });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<EpisodeFilter>) {
    const { items, total } = await this.deps.episodes.page(p, this.filterOf(q.filter), q, {
      outbox: 0,
    });
    return { items: items.map(episodeView), total };
  }

  cursor(p: Principal, f: EpisodeFilter) {
    return this.deps.episodes.cursor(p, this.filterOf(f), {
      projection: { outbox: 0 },
      sort: { admittedOn: 1, _id: 1 },
    });
  }

  /** Episodes, top-ups owed and paid in an admission period, for the statistics. */
  async summary(p: Principal, f: EpisodeFilter) {
    const rows = await this.deps.episodes.aggregate<{
      _id: string;
      episodes: number;
      totalCostFen: number;
      reimbursedFen: number;
      topUpFen: number;
      topUpPaidFen: number;
    }>(p, [
      { $match: this.filterOf(f) },
      {
        $group: {
          _id: '$topUpStatus',
          episodes: { $sum: 1 },
          totalCostFen: { $sum: '$totalCostFen' },
          reimbursedFen: { $sum: '$reimbursedFen' },
          topUpFen: { $sum: '$topUpFen' },
          topUpPaidFen: { $sum: '$topUpPaidFen' },
        },
      },
    ]);
    const total = { episodes: 0, totalCostFen: 0, reimbursedFen: 0, topUpFen: 0, topUpPaidFen: 0 };
    const byStatus: Record<string, number> = { not_needed: 0, owed: 0, partly_paid: 0, paid: 0 };
    for (const r of rows) {
      byStatus[r._id] = r.episodes;
      total.episodes += r.episodes;
      total.totalCostFen += r.totalCostFen;
      total.reimbursedFen += r.reimbursedFen;
      total.topUpFen += r.topUpFen;
      total.topUpPaidFen += r.topUpPaidFen;
    }
    return { ...total, topUpOutstandingFen: total.topUpFen - total.topUpPaidFen, byStatus };
  }
}
