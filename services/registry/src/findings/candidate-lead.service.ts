import {
  AppError,
  bi,
  type ListQuery,
  type Principal,
  READ_IN_SCOPE,
  type ScopedRepository,
} from '@fupin/kit';
import type { HouseholdInput, HouseholdService } from '../households/household.service';
import type { FindingOutcomes } from './finding-outcomes';
import type { FindingRecord } from './finding-record.model';

/** A 漏评 lead as the API shows it: the finding, its area, the person masked. */
export interface CandidateLeadView {
  id: string;
  findingId: string;
  rule: string;
  areaCode: string;
  townshipCode: string;
  /** The person, masked: the tail of the keyed hash only (the registry never holds the number). */
  person: string;
  receivedAt: string;
  status: 'open' | 'converted' | 'dismissed';
  householdId: string | null;
  reason: string | null;
  decidedBy: { id: string; name: string; areaCode: string } | null;
  decidedAt: string | null;
}

const LEAD = bi('漏评线索', 'Candidate lead');

function viewOf(r: FindingRecord): CandidateLeadView {
  const lead = r.lead!;
  return {
    id: r._id,
    findingId: r._id,
    rule: r.rule,
    areaCode: r.areaCode,
    townshipCode: r.townshipCode,
    person: r.idHash ? `****${r.idHash.slice(-6)}` : '****',
    receivedAt: r.receivedAt.toISOString(),
    status: lead.status,
    householdId: lead.householdId,
    reason: lead.reason,
    decidedBy: lead.decidedBy,
    decidedAt: lead.decidedAt ? new Date(lead.decidedAt).toISOString() : null,
  };
}

/**
 * 漏评线索 — persons on the 低保 list and not in the registry, from verified findings: the
 * township turns one into a candidate household (its identification starts from there) or
 * dismisses it with a reason; either is reported back to matching.
 */
export class CandidateLeadService {
  constructor(
    private readonly deps: {
      records: ScopedRepository<FindingRecord>;
      households: HouseholdService;
      outcomes: FindingOutcomes;
      now: () => Date;
    },
  ) {}

  async list(
    p: Principal,
    q: ListQuery<{ status?: 'open' | 'converted' | 'dismissed' }>,
  ): Promise<{ items: CandidateLeadView[]; total: number }> {
    const filter = {
      rule: 'ALLOWANCE_NOT_REGISTERED',
      ...(q.filter.status ? { 'lead.status': q.filter.status } : {}),
    };
    const { items, total } = await this.deps.records.page(p, filter, q);
    return { items: items.map(viewOf), total };
  }

  async get(p: Principal, id: string): Promise<CandidateLeadView> {
    const r = await this.deps.records.get(p, id, { what: LEAD, code: 'REGISTRY_LEAD_NOT_FOUND' });
    if (!r.lead)
      throw new AppError(
        404,
        'REGISTRY_LEAD_NOT_FOUND',
        bi('漏评线索不存在', 'Candidate lead not found'),
      );
    return viewOf(r);
  }

  /** Registers the candidate household (识别申请 starts from it) and closes the lead. */
  async convert(p: Principal, id: string, input: HouseholdInput): Promise<CandidateLeadView> {
    await this.open(p, id);
    // Without a status the household is registered as a candidate.
    const household = await this.deps.households.register(p, input);
    await this.decide(
      p,
      id,
      'converted',
      `已建立识别对象（户 ${household.householdNo}）`,
      household.id,
    );
    await this.deps.outcomes.record(id, {
      outcome: 'candidate_opened',
      reason: `已建立识别对象户 ${household.householdNo}`,
      workflowId: null,
    });
    return this.get(p, id);
  }

  async dismiss(p: Principal, id: string, reason: string): Promise<CandidateLeadView> {
    await this.open(p, id);
    await this.decide(p, id, 'dismissed', reason, null);
    await this.deps.outcomes.record(id, { outcome: 'refused', reason, workflowId: null });
    return this.get(p, id);
  }

  private async open(p: Principal, id: string): Promise<void> {
    const lead = await this.get(p, id);
    if (lead.status !== 'open') {
      throw new AppError(
        409,
        'REGISTRY_LEAD_DECIDED',
        bi('该漏评线索已处理', 'The candidate lead was already dealt with'),
        { extra: { status: lead.status } },
      );
    }
  }

  private async decide(
    p: Principal,
    id: string,
    status: 'converted' | 'dismissed',
    reason: string,
    householdId: string | null,
  ): Promise<void> {
    const res = await this.deps.records.updateOne(
      READ_IN_SCOPE,
      { _id: id, 'lead.status': 'open' },
      {
        $set: {
          lead: {
            status,
            householdId,
            reason,
            decidedBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
            decidedAt: this.deps.now(),
          },
        },
      },
    );
    if (res.matchedCount !== 1) {
      throw new AppError(
        409,
        'REGISTRY_LEAD_DECIDED',
        bi('该漏评线索已处理', 'The candidate lead was already dealt with'),
      );
    }
  }
}
