import { randomUUID } from 'node:crypto';
import {
  AppError,
  allOf,
  bi,
  type ListQuery,
  type Principal,
  unprocessable,
  type ScopedRepository,
  actorOf,
} from '@fupin/kit';
import type { FundingSource } from '@fupin/reference';
import type { ProjectLedger } from '../projects/project.ledger';
import type { Project } from '../projects/project.model';
import { yuan } from '../shared/money';
import { historyEntry } from '../shared/principal';
import type { Transfer, TransferStatus } from './transfer.model';
import { shanghaiDateOf } from '@fupin/reference';

export interface TransferInput {
  fromProjectId: string;
  toProjectId: string;
  source: FundingSource;
  amountFen: number;
  reason: string;
  documentNo?: string | null | undefined;
}

export type TransferView = Omit<Transfer, '_id' | 'history'> & { id: string };

const MISSING = { what: bi('资金调剂', 'Transfer'), code: 'FUNDS_TRANSFER_NOT_FOUND' };

/** 资金调剂 — requested by one person, approved (and executed) by another. */
export class TransferService {
  constructor(
    private readonly deps: {
      /** Transfers, in the areas of both their projects. */
      transfers: ScopedRepository<Transfer>;
      projects: ScopedRepository<Project>;
      ledger: ProjectLedger;
      now: () => Date;
    },
  ) {}

  async request(p: Principal, input: TransferInput): Promise<TransferView> {
    if (input.fromProjectId === input.toProjectId) {
      throw unprocessable(
        'FUNDS_TRANSFER_SAME_PROJECT',
        bi('调出和调入项目不能相同', 'The two projects must differ'),
        [{ field: 'toProjectId', code: 'same', message: bi('与调出项目相同', 'same project') }],
      );
    }
    const [from, to] = await Promise.all([
      this.project(p, input.fromProjectId, 'fromProjectId'),
      this.project(p, input.toProjectId, 'toProjectId'),
    ]);
    const now = this.deps.now();
    const doc: Transfer = {
      _id: randomUUID(),
      fromProjectId: from._id,
      fromProjectCode: from.code,
      toProjectId: to._id,
      toProjectCode: to.code,
      areaCodes: [...new Set([from.areaCode, to.areaCode])],
      source: input.source,
      amountFen: input.amountFen,
      reason: input.reason,
      documentNo: input.documentNo ?? null,
      status: 'requested',
      requestedBy: { id: p.userId, name: p.username },
      requestedAt: now,
      decidedBy: null,
      decidedAt: null,
      executedOn: null,
      history: [historyEntry(p, now, 'request', { to: 'requested' })],
    };
    await this.deps.transfers.create(p, doc);
    return viewOf(doc);
  }

  /**
   * The second signature, then the two legs: out of the source project (only what is
   * available there) and into the target. A transfer left executing by a crash is resumed by
   * approving again; each leg is applied once.
   */
  async approve(p: Principal, id: string): Promise<TransferView> {
    const t = await this.load(p, id);
    if (t.requestedBy.id === p.userId) {
      throw new AppError(
        403,
        'FUNDS_FOUR_EYES',
        bi('申请人不能审批自己申请的调剂', 'The person who requested a transfer cannot approve it'),
      );
    }
    const now = this.deps.now();
    if (t.status === 'requested') {
      const claimed = await this.deps.transfers.updateOne(
        p,
        { _id: id, status: 'requested' },
        {
          $set: {
            status: 'executing',
            decidedBy: { id: p.userId, name: p.username },
            decidedAt: now,
          },
          $push: {
            history: historyEntry(p, now, 'approve', { from: 'requested', to: 'executing' }),
          },
        },
      );
      if (claimed.matchedCount !== 1) throw decided(t.status);
    } else if (t.status !== 'executing') {
      throw decided(t.status);
    }
    const on = shanghaiDateOf(now);
    const leg = (direction: 'in' | 'out', other: string) => ({
      id: `${t._id}:${direction}`,
      transferId: t._id,
      direction,
      otherProjectId: other,
      source: t.source,
      amountFen: t.amountFen,
      on,
    });
    const out = await this.deps.ledger.transfer(
      t.fromProjectId,
      leg('out', t.toProjectId),
      actorOf(p),
    );
    if (!out) {
      await this.deps.transfers.updateOne(
        p,
        { _id: id, status: 'executing' },
        {
          $set: { status: 'requested', decidedBy: null, decidedAt: null },
          $push: {
            history: historyEntry(p, now, 'insufficient', { from: 'executing', to: 'requested' }),
          },
        },
      );
      throw unprocessable(
        'FUNDS_TRANSFER_ABOVE_AVAILABLE',
        bi(
          `调出项目该来源的可用资金不足 ${yuan(t.amountFen)} 元`,
          `The source project has less than ${yuan(t.amountFen)} yuan available from this source`,
        ),
        [{ field: 'amountFen', code: 'above_available', message: bi('超过可用余额', 'too much') }],
      );
    }
    await this.deps.ledger.transfer(t.toProjectId, leg('in', t.fromProjectId), actorOf(p));
    await this.deps.transfers.updateOne(
      p,
      { _id: id, status: 'executing' },
      {
        $set: { status: 'executed', executedOn: on },
        $push: { history: historyEntry(p, now, 'execute', { from: 'executing', to: 'executed' }) },
      },
    );
    return viewOf(await this.deps.transfers.get(p, id, MISSING));
  }

  async reject(p: Principal, id: string, reason: string): Promise<TransferView> {
    const now = this.deps.now();
    await this.load(p, id);
    const res = await this.deps.transfers.updateOne(
      p,
      { _id: id, status: 'requested' },
      {
        $set: { status: 'rejected', decidedBy: { id: p.userId, name: p.username }, decidedAt: now },
        $push: {
          history: historyEntry(p, now, 'reject', {
            from: 'requested',
            to: 'rejected',
            note: reason,
          }),
        },
      },
    );
    if (res.matchedCount !== 1) throw decided('executed');
    return viewOf(await this.deps.transfers.get(p, id, MISSING));
  }

  async list(
    p: Principal,
    q: ListQuery<{ status?: TransferStatus | undefined; projectId?: string | undefined }>,
  ) {
    const filter = allOf(
      q.filter.status ? { status: q.filter.status } : undefined,
      q.filter.projectId
        ? { $or: [{ fromProjectId: q.filter.projectId }, { toProjectId: q.filter.projectId }] }
        : undefined,
    );
    const { items, total } = await this.deps.transfers.page(p, filter, q, { history: 0 });
    return { items: items.map(viewOf), total };
  }

  private load(p: Principal, id: string): Promise<Transfer> {
    // Moving money touches both projects: the caller must have both in scope.
    return this.deps.transfers.get(p, id, MISSING, { everyArea: true });
  }

  private async project(p: Principal, id: string, field: string): Promise<Project> {
    const project = await this.deps.projects.findOne(
      p,
      { _id: id },
      { projection: { code: 1, areaCode: 1, status: 1 } },
    );
    if (!project) {
      throw unprocessable('FUNDS_TRANSFER_INVALID', bi('项目不存在', 'No such project'), [
        {
          field,
          code: 'unknown_project',
          message: bi('项目不存在或不在您的管辖范围内', 'no such project in your scope'),
        },
      ]);
    }
    if (project.status === 'proposed') {
      throw unprocessable(
        'FUNDS_TRANSFER_INVALID',
        bi('项目尚未审批入库', 'The project is not approved'),
        [{ field, code: 'not_in_library', message: bi('项目尚未审批入库', 'not approved yet') }],
      );
    }
    return project;
  }
}

function decided(status: string): AppError {
  return new AppError(
    409,
    'FUNDS_TRANSFER_DECIDED',
    bi('该调剂已审批或已退回', 'The transfer has already been decided'),
    { extra: { status } },
  );
}

function viewOf(t: Transfer): TransferView {
  const { _id, history: _h, ...rest } = t;
  return { id: _id, ...rest };
}
