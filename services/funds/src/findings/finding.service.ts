import { randomUUID } from 'node:crypto';
import {
  allOf,
  AppError,
  areaWithin,
  bi,
  countyWide,
  type ListQuery,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import { historyEntry } from '../shared/principal';
import type { Finding, FindingKind, FindingStatus } from './finding.model';
import { townshipOf } from '@fupin/reference';

export type FindingView = Omit<Finding, '_id' | 'key'> & { id: string };

export interface FindingFilter {
  kind?: FindingKind | undefined;
  status?: FindingStatus | undefined;
  projectId?: string | undefined;
  disbursementId?: string | undefined;
  areaCode?: string | undefined;
  id?: string | string[] | undefined;
}

export type NewFinding = Pick<
  Finding,
  | 'kind'
  | 'areaCode'
  | 'projectId'
  | 'projectCode'
  | 'disbursementId'
  | 'amountFen'
  | 'summary'
  | 'evidence'
  | 'subjectUserId'
> & { key: string };

const MISSING = { what: bi('问题线索', 'Finding'), code: 'FUNDS_FINDING_NOT_FOUND' };
/** Misuse is detected, and a payment held back, wherever the records are. */
const DETECTION = countyWide('misuse detection records and reads signals in every area');

/** 问题线索 — misuse signals stored with their evidence, and their resolution. */
export class FindingService {
  constructor(
    private readonly deps: {
      /** Findings, each in the area of the project or payment that raised it. */
      findings: ScopedRepository<Finding>;
      now: () => Date;
    },
  ) {}

  /** Stores a signal once per key (a repeated detection changes nothing); returns its id. */
  async record(f: NewFinding): Promise<string> {
    const now = this.deps.now();
    const { key, ...facts } = f;
    const res = await this.deps.findings.findOneAndUpdate(
      DETECTION,
      { key },
      {
        $setOnInsert: {
          _id: randomUUID(),
          ...facts,
          townshipCode: townshipOf(f.areaCode) ?? f.areaCode,
          status: 'open',
          detectedAt: now,
          resolution: null,
          history: [],
        },
      },
      { upsert: true, projection: { _id: 1 } },
    );
    return String(res?._id);
  }

  async list(p: Principal, q: ListQuery<FindingFilter>) {
    const { items, total } = await this.deps.findings.page(p, this.filterOf(q.filter), q);
    return { items: items.map(viewOf), total };
  }

  /** A list's own conditions; the repository adds the caller's scope. */
  private filterOf(f: FindingFilter) {
    const and: Record<string, unknown>[] = [];
    if (f.kind) and.push({ kind: f.kind });
    if (f.status) and.push({ status: f.status });
    if (f.projectId) and.push({ projectId: f.projectId });
    if (f.disbursementId) and.push({ disbursementId: f.disbursementId });
    if (f.areaCode) and.push(areaWithin(f.areaCode, 'areaCode'));
    if (f.id) and.push({ _id: Array.isArray(f.id) ? { $in: f.id } : f.id });
    return allOf(...and);
  }

  async get(p: Principal, id: string): Promise<FindingView> {
    return viewOf(await this.deps.findings.get(p, id, MISSING));
  }

  /** Open findings holding a payment back from approval. */
  async openFor(disbursementId: string): Promise<FindingView[]> {
    const items = await this.deps.findings.find(DETECTION, { disbursementId, status: 'open' });
    return items.map(viewOf);
  }

  /**
   * 核实 — confirms or dismisses a finding, with a note. Whoever's action raised it may not
   * resolve it (the same four-eyes rule as payments).
   */
  async resolve(
    p: Principal,
    id: string,
    input: { outcome: 'confirmed' | 'dismissed'; note: string },
  ): Promise<FindingView> {
    // Resolving another area's finding is forbidden (403), as every write there.
    const f = viewOf(await this.deps.findings.getForChange(p, id, MISSING));
    if (f.subjectUserId === p.userId) {
      throw new AppError(
        403,
        'FUNDS_FOUR_EYES',
        bi(
          '问题线索须由引起该线索的经办人以外的人员核实',
          'A finding must be resolved by someone other than the person whose action raised it',
        ),
      );
    }
    const now = this.deps.now();
    const resolution = { ...input, by: p.username, at: now };
    const res = await this.deps.findings.updateOne(
      p,
      { _id: id, status: 'open' },
      {
        $set: { status: input.outcome, resolution },
        $push: {
          history: historyEntry(p, now, 'resolve', {
            from: 'open',
            to: input.outcome,
            note: input.note,
          }),
        },
      },
    );
    if (res.matchedCount !== 1) {
      throw new AppError(
        409,
        'FUNDS_FINDING_ALREADY_RESOLVED',
        bi('该问题线索已核实处理', 'The finding has already been resolved'),
      );
    }
    return { ...f, status: input.outcome, resolution };
  }
}

function viewOf(f: Finding): FindingView {
  const { _id, key: _k, ...rest } = f;
  return { id: _id, ...rest };
}
