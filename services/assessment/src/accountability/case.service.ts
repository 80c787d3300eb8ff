import { randomUUID } from 'node:crypto';
import {
  AppError,
  areaInScope,
  bi,
  type Bilingual,
  type ListQuery,
  outsideScope,
  type Principal,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { type AccountabilityDecisionKind, shanghaiDateOf } from '@fupin/reference';
import type { AccountabilityCase, CaseAction, CaseHistoryEntry, CaseStatus } from './case.model';
import { dayProblem, type OfficeAction, officeTransition } from './case.rules';

const MISSING = { what: bi('问责案件', 'Accountability case'), code: 'ASSESSMENT_CASE_NOT_FOUND' };

export type CaseView = Omit<AccountabilityCase, '_id'> & { id: string };

export interface CaseFilter {
  status?: CaseStatus | undefined;
  unitId?: string | undefined;
  year?: number | undefined;
  quarter?: number | undefined;
  areaCode?: string | undefined;
}

export interface DecisionInput {
  kind: AccountabilityDecisionKind;
  decidedOn: string;
  decidedBy: string;
  text: string;
  documentNo?: string | undefined;
}

export interface FollowUpInput {
  on: string;
  text: string;
}

export interface CloseInput {
  on: string;
  note: string;
}

const view = ({ _id, ...rest }: AccountabilityCase): CaseView => ({ id: _id, ...rest });

/** An entry's day refused: 422 naming the field. */
const badDay = (field: string, message: Bilingual) =>
  unprocessable('ASSESSMENT_CASE_DAY_INVALID', message, [{ field, code: 'invalid_day', message }]);

/**
 * 问责案件 — reading the cases within the caller's area, and the poverty office's decision,
 * follow-up and closing, each kept in the case's history with who and when.
 */
export class CaseService {
  constructor(
    private readonly deps: {
      cases: ScopedRepository<AccountabilityCase>;
      countyCode: string;
      now: () => Date;
    },
  ) {}

  async list(
    p: Principal,
    q: ListQuery<CaseFilter>,
  ): Promise<{ items: CaseView[]; total: number }> {
    const f = q.filter;
    const filter: Record<string, unknown> = {};
    if (f.status) filter.status = f.status;
    if (f.unitId) filter.unitId = f.unitId;
    if (f.year !== undefined) filter.year = f.year;
    if (f.quarter !== undefined) filter.quarter = f.quarter;
    if (f.areaCode) filter.areaCode = f.areaCode;
    const { items, total } = await this.deps.cases.page(p, filter, q, { history: 0 });
    return { items: items.map(view), total };
  }

  async get(p: Principal, id: string): Promise<CaseView> {
    return view(await this.deps.cases.get(p, id, MISSING));
  }

  /** 作出问责决定 — the kind, the day, who decided and the text. */
  async decide(p: Principal, id: string, input: DecisionInput): Promise<CaseView> {
    return this.change(p, id, 'decide', (c, now, today) => {
      const bad = dayProblem(input.decidedOn, today, {
        day: quarterStart(c),
        what: bi('被问责的季度开始', 'the start of the quarter'),
      });
      if (bad) throw badDay('decidedOn', bad);
      return {
        set: {
          decision: {
            kind: input.kind,
            decidedOn: input.decidedOn,
            decidedBy: input.decidedBy,
            text: input.text,
            documentNo: input.documentNo ?? null,
            recordedBy: { id: p.userId, name: p.username },
            recordedAt: now,
          },
        },
        note: `${input.decidedOn} ${input.decidedBy}：${input.text}`,
      };
    });
  }

  /** 跟进 — what was done after the decision, on which day. */
  async followUp(p: Principal, id: string, input: FollowUpInput): Promise<CaseView> {
    return this.change(p, id, 'follow_up', (c, now, today) => {
      const bad = dayProblem(input.on, today, {
        day: c.decision!.decidedOn,
        what: bi('决定日期', 'the day of the decision'),
      });
      if (bad) throw badDay('on', bad);
      const entry = { id: randomUUID(), on: input.on, text: input.text, by: who(p), at: now };
      return { push: { followUps: entry }, note: `${input.on}：${input.text}` };
    });
  }

  /** 办结 — the follow-up is complete. */
  async close(p: Principal, id: string, input: CloseInput): Promise<CaseView> {
    return this.change(p, id, 'close', (c, now, today) => {
      const last = c.followUps
        .map((f) => f.on)
        .sort()
        .at(-1)!;
      const bad = dayProblem(input.on, today, {
        day: last,
        what: bi('最近一次跟进的日期', 'the day of the last follow-up'),
      });
      if (bad) throw badDay('on', bad);
      return {
        set: { closing: { on: input.on, note: input.note, by: who(p), at: now } },
        note: `${input.on}：${input.note}`,
      };
    });
  }

  /**
   * One change by the county's office: refused (409/422) when the rules say so, written only
   * if nobody changed the case in between (409 otherwise), with its history entry.
   */
  private async change(
    p: Principal,
    id: string,
    action: OfficeAction,
    build: (
      c: AccountabilityCase,
      now: Date,
      today: string,
    ) => { set?: Record<string, unknown>; push?: Record<string, unknown>; note: string },
  ): Promise<CaseView> {
    if (!areaInScope(p, this.deps.countyCode)) throw outsideScope();
    const c = await this.deps.cases.getForChange(p, id, MISSING);
    const verdict = officeTransition({ status: c.status, followUps: c.followUps.length }, action);
    if (!verdict.ok) throw new AppError(verdict.status, verdict.code, verdict.message);
    const now = this.deps.now();
    const built = build(c, now, shanghaiDateOf(now));
    const entry: CaseHistoryEntry = {
      at: now,
      action: ACTION_OF[action],
      by: who(p),
      from: c.status,
      to: verdict.to,
      note: built.note,
    };
    const updated = await this.deps.cases.findOneAndUpdate(
      p,
      { _id: c._id, revision: c.revision },
      {
        $set: { ...built.set, status: verdict.to, updatedAt: now },
        $push: { ...built.push, history: entry },
        $inc: { revision: 1 },
      },
    );
    if (!updated)
      throw new AppError(
        409,
        'ASSESSMENT_CASE_CHANGED',
        bi(
          '该案件刚被他人修改，请刷新后重试',
          'Someone else changed the case; reload and try again',
        ),
      );
    return view(updated);
  }
}

const ACTION_OF: Record<OfficeAction, CaseAction> = {
  decide: 'decided',
  follow_up: 'followed_up',
  close: 'closed',
};

const who = (p: Principal) => ({ id: p.userId, name: p.username });

/** The first day of the case's quarter (a decision cannot come before it). */
function quarterStart(c: AccountabilityCase): string {
  return `${c.year}-${String((c.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}
