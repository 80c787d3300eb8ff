import { randomUUID } from 'node:crypto';
import {
  AppError,
  allOf,
  areaInScope,
  bi,
  conflict,
  escapeRegex,
  type FieldError,
  countyWide,
  type ListQuery,
  type Principal,
  unprocessable,
  type ScopedRepository,
  actorOf,
  isDuplicateKey,
} from '@fupin/kit';
import type { FundingSource } from '@fupin/reference';
import type { Project } from '../projects/project.model';
import type { ProjectLedger } from '../projects/project.ledger';
import { sumFen } from '../shared/money';
import { historyEntry } from '../shared/principal';
import type { BatchAllocation, FundBatch } from './batch.model';
import { shanghaiDateOf } from '@fupin/reference';

export interface BatchInput {
  documentNo: string;
  title: string;
  source: FundingSource;
  amountFen: number;
  issuedOn: string;
  issuer?: string | null | undefined;
  allocations: { projectId: string; amountFen: number }[];
}

export interface BatchFilter {
  q?: string | undefined;
  source?: FundingSource | undefined;
  projectId?: string | undefined;
  id?: string | string[] | undefined;
}

export type BatchView = Omit<FundBatch, '_id' | 'history'> & { id: string };

const MISSING = { what: bi('资金批次', 'Funding batch'), code: 'FUNDS_BATCH_NOT_FOUND' };
/** Stored batches are applied to their projects' ledgers again after a crash, by a job too. */
const APPLY = countyWide('applying stored batches to the ledgers of their projects');

/** 资金下达 and 到位 — funding batches, their allocations to projects and their arrivals. */
export class BatchService {
  constructor(
    private readonly deps: {
      /** Batches, visible in the areas of the projects they fund. */
      batches: ScopedRepository<FundBatch>;
      projects: ScopedRepository<Project>;
      ledger: ProjectLedger;
      now: () => Date;
    },
  ) {}

  /** Stores a batch with its allocations, then applies them to the projects' ledgers. */
  async create(p: Principal, input: BatchInput): Promise<BatchView> {
    const now = this.deps.now();
    const errors: FieldError[] = [];
    if (input.issuedOn > shanghaiDateOf(now)) {
      errors.push({
        field: 'issuedOn',
        code: 'in_future',
        message: bi('下达日期不能晚于今天', 'the issue date cannot be after today'),
      });
    }
    const allocations = await this.allocationsOf(p, input.allocations, 'allocations', errors);
    const allocatedFen = sumFen(allocations.map((a) => a.amountFen));
    if (allocatedFen > input.amountFen) {
      errors.push({
        field: 'allocations',
        code: 'above_batch',
        message: bi(
          '分配到项目的金额合计超过下达总额',
          'the allocations add up to more than the batch',
        ),
      });
    }
    if (errors.length) throw invalid(errors);
    const batch: FundBatch = {
      _id: randomUUID(),
      documentNo: input.documentNo,
      title: input.title,
      source: input.source,
      amountFen: input.amountFen,
      issuedOn: input.issuedOn,
      issuer: input.issuer ?? null,
      allocations,
      allocatedFen,
      unallocatedFen: input.amountFen - allocatedFen,
      arrivals: [],
      arrivedFen: 0,
      notArrivedFen: input.amountFen,
      areaCodes: [...new Set([p.areaCode, ...allocations.map((a) => a.areaCode)])],
      createdBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
      createdAt: now,
      updatedAt: now,
      history: [historyEntry(p, now, 'issue', { note: input.documentNo })],
    };
    try {
      await this.deps.batches.create(p, batch);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw conflict(
          'FUNDS_BATCH_EXISTS',
          bi(`文号 ${input.documentNo} 已登记`, `Document ${input.documentNo} is already recorded`),
        );
      }
      throw err;
    }
    await this.apply(batch._id, p);
    return this.view(p, await this.deps.batches.get(p, batch._id, MISSING));
  }

  /** Adds target projects to a batch, within what it has not allocated yet. */
  async allocate(
    p: Principal,
    id: string,
    input: { projectId: string; amountFen: number }[],
  ): Promise<BatchView> {
    const batch = await this.load(p, id);
    const errors: FieldError[] = [];
    const allocations = await this.allocationsOf(p, input, 'allocations', errors);
    const amount = sumFen(allocations.map((a) => a.amountFen));
    if (errors.length) throw invalid(errors);
    const now = this.deps.now();
    const res = await this.deps.batches.updateOne(
      p,
      { _id: id, unallocatedFen: { $gte: amount } },
      {
        $push: {
          allocations: { $each: allocations },
          history: historyEntry(p, now, 'allocate', { changed: ['allocations'] }),
        },
        $inc: { allocatedFen: amount, unallocatedFen: -amount },
        $addToSet: { areaCodes: { $each: allocations.map((a) => a.areaCode) } },
        $set: { updatedAt: now },
      },
    );
    if (res.matchedCount !== 1) {
      throw unprocessable(
        'FUNDS_BATCH_OVER_ALLOCATED',
        bi(
          `本批次尚未分配的资金不足（剩余 ${batch.unallocatedFen} 分）`,
          `The batch has not enough unallocated money left (${batch.unallocatedFen} fen)`,
        ),
        [{ field: 'allocations', code: 'above_batch', message: bi('超出批次余额', 'above batch') }],
      );
    }
    await this.apply(id, p);
    return this.view(p, await this.deps.batches.get(p, id, MISSING));
  }

  /** 到位 — money of the batch that arrived; never more than the batch. */
  async recordArrival(
    p: Principal,
    id: string,
    input: { on: string; amountFen: number; note?: string | null | undefined },
  ): Promise<BatchView> {
    const batch = await this.load(p, id);
    const now = this.deps.now();
    if (input.on > shanghaiDateOf(now) || input.on < batch.issuedOn) {
      throw invalid([
        {
          field: 'on',
          code: 'out_of_range',
          message: bi('到位日期须在下达日期与今天之间', 'between the issue date and today'),
        },
      ]);
    }
    const arrival = {
      id: randomUUID(),
      on: input.on,
      amountFen: input.amountFen,
      note: input.note ?? null,
      by: p.username,
    };
    const res = await this.deps.batches.updateOne(
      p,
      { _id: id, notArrivedFen: { $gte: input.amountFen } },
      {
        $push: {
          arrivals: arrival,
          history: historyEntry(p, now, 'arrival', { changed: ['arrivals'] }),
        },
        $inc: { arrivedFen: input.amountFen, notArrivedFen: -input.amountFen },
        $set: { updatedAt: now },
      },
    );
    if (res.matchedCount !== 1) {
      throw unprocessable(
        'FUNDS_ARRIVAL_ABOVE_BATCH',
        bi('到位资金不能超过下达金额', 'More cannot arrive than the batch allocated'),
        [{ field: 'amountFen', code: 'above_batch', message: bi('超出下达金额', 'above batch') }],
      );
    }
    return this.view(p, await this.deps.batches.get(p, id, MISSING));
  }

  /**
   * Applies the allocations not yet on their projects' ledgers. Each is idempotent, so this
   * resumes safely after a crash between storing the batch and applying it.
   */
  async apply(id: string, p?: Principal): Promise<number> {
    const batch = await this.deps.batches.findOne(APPLY, { _id: id });
    if (!batch) return 0;
    const actor = p ? actorOf(p) : { kind: 'system' as const, id: 'funds-batches' };
    let applied = 0;
    for (const [i, a] of batch.allocations.entries()) {
      if (a.applied) continue;
      await this.deps.ledger.allocate(
        a.projectId,
        {
          id: a.id,
          batchId: batch._id,
          documentNo: batch.documentNo,
          source: batch.source,
          amountFen: a.amountFen,
          on: batch.issuedOn,
        },
        actor,
      );
      await this.deps.batches.updateOne(
        APPLY,
        { _id: id, [`allocations.${i}.id`]: a.id },
        { $set: { [`allocations.${i}.applied`]: true } },
      );
      applied++;
    }
    return applied;
  }

  /** Every batch with allocations still to apply (the daily job calls this first). */
  async resumeAll(): Promise<number> {
    const pending = await this.deps.batches.find(
      APPLY,
      { 'allocations.applied': false },
      { projection: { _id: 1 } },
    );
    let n = 0;
    for (const b of pending) n += await this.apply(b._id);
    return n;
  }

  async list(p: Principal, q: ListQuery<BatchFilter>) {
    const and: Record<string, unknown>[] = [];
    const f = q.filter;
    if (f.q) {
      const re = { $regex: `^${escapeRegex(f.q)}` };
      and.push({ $or: [{ documentNo: re }, { title: re }] });
    }
    if (f.source) and.push({ source: f.source });
    if (f.projectId) and.push({ 'allocations.projectId': f.projectId });
    if (f.id) and.push({ _id: Array.isArray(f.id) ? { $in: f.id } : f.id });
    const { items, total } = await this.deps.batches.page(p, allOf(...and), q, { history: 0 });
    return { items: items.map((b) => this.view(p, b)), total };
  }

  async get(p: Principal, id: string): Promise<BatchView> {
    return this.view(p, await this.load(p, id));
  }

  async findByDocumentNo(documentNo: string): Promise<FundBatch | null> {
    // The import's duplicate check: a document number is unique across the county.
    return this.deps.batches.findOne(countyWide('a document number is unique in the county'), {
      documentNo,
    });
  }

  private load(p: Principal, id: string): Promise<FundBatch> {
    return this.deps.batches.get(p, id, MISSING);
  }

  /** A township user sees the batch and the allocations to its own projects only. */
  private view(p: Principal, b: FundBatch): BatchView {
    const { _id, history: _h, ...rest } = b;
    return {
      id: _id,
      ...rest,
      allocations: b.allocations.filter((a) => areaInScope(p, a.areaCode)),
    };
  }

  /** Target projects, checked: each exists, is in scope and in the library (approved or later). */
  private async allocationsOf(
    p: Principal,
    input: { projectId: string; amountFen: number }[],
    field: string,
    errors: FieldError[],
  ): Promise<BatchAllocation[]> {
    const ids = input.map((a) => a.projectId);
    const projects = await this.deps.projects.find(
      p,
      { _id: { $in: ids } },
      { projection: { code: 1, areaCode: 1, status: 1 } },
    );
    const byId = new Map(projects.map((x) => [x._id, x]));
    const seen = new Set<string>();
    const out: BatchAllocation[] = [];
    input.forEach((a, i) => {
      const project = byId.get(a.projectId);
      const at = `${field}.${i}.projectId`;
      if (!project) {
        errors.push({
          field: at,
          code: 'unknown_project',
          message: bi('项目不存在或不在您的管辖范围内', 'no such project within your scope'),
        });
        return;
      }
      if (project.status === 'proposed') {
        errors.push({
          field: at,
          code: 'not_in_library',
          message: bi(
            '项目尚未审批入库，不能安排资金',
            'the project is not approved into the library yet',
          ),
        });
      }
      if (seen.has(a.projectId)) {
        errors.push({
          field: at,
          code: 'duplicate',
          message: bi('同一批次中项目重复', 'the project appears twice in the batch'),
        });
      }
      seen.add(a.projectId);
      out.push({
        id: randomUUID(),
        projectId: project._id,
        projectCode: project.code,
        areaCode: project.areaCode,
        amountFen: a.amountFen,
        applied: false,
      });
    });
    return out;
  }
}

function invalid(errors: FieldError[]): AppError {
  return unprocessable(
    'FUNDS_BATCH_INVALID',
    bi('资金批次信息有误，请查看标出的字段', 'The funding batch is invalid; see the listed fields'),
    errors,
  );
}
