import type { DossierPart } from '@fupin/contracts';
import {
  bi,
  newestFirst,
  notFound,
  type Principal,
  READ_IN_SCOPE,
  readBounded,
  type ScopedRepository,
  timelineInstant,
} from '@fupin/kit';
import type { Household } from '../households/household.model';
import type { FollowUpRecord } from '../monitoring/follow-up.model';
import type { MonitoringWarning, WarningStatus } from '../monitoring/warning.model';
import type { LineLookup } from '../workflows/workflow.types';
import {
  guaranteesSection,
  householdSection,
  householdTimeline,
  incomeSection,
  membersSection,
  statusHistorySection,
} from './dossier.household';
import {
  FOLLOW_UP_LIMIT,
  monitoringSection,
  monitoringTimeline,
  WARNING_LIMIT,
} from './dossier.monitoring';
import { workflowsSection, workflowTimeline } from './dossier.workflows';

const HOUSEHOLD = bi('贫困户', 'Household');

/**
 * 一户一档 — the registry's part of a household's dossier: the household read in the caller's
 * scope (404 outside it, as for an unknown one), then its warnings and follow-ups by
 * the household's id (their indexes lead with it; the household was just read in scope), each
 * section mapped by the pure functions beside this file. The registry owns these facts: its part
 * is never behind.
 */
export class RegistryDossier {
  constructor(
    private readonly deps: {
      households: ScopedRepository<Household>;
      warnings: ScopedRepository<MonitoringWarning>;
      followUps: ScopedRepository<FollowUpRecord>;
      /** The poverty line of each year for a household's area (national or provincial). */
      lines: (areaCode: string) => Promise<LineLookup>;
      now: () => Date;
    },
  ) {}

  async read(p: Principal, householdId: string): Promise<DossierPart> {
    const h = await this.household(p, householdId);
    const now = this.deps.now();
    const [monitoring, lineOf] = await Promise.all([
      this.monitoring(h._id),
      this.deps.lines(h.areaCode),
    ]);
    const statusHistory = statusHistorySection(h.history ?? []);
    const workflows = workflowsSection(h.workflow);
    const timeline = newestFirst([
      ...householdTimeline(h, statusHistory.items),
      ...workflowTimeline(h._id, workflows),
      ...monitoringTimeline(h._id, monitoring.warnings, monitoring.followUps.items),
    ]);
    return {
      part: 'registry',
      householdId: h._id,
      generatedAt: timelineInstant(now),
      sections: {
        household: householdSection(h),
        members: membersSection(h.members),
        statusHistory,
        guarantees: guaranteesSection(h.guarantees),
        incomeByYear: incomeSection(h, lineOf),
        monitoring: monitoringSection({ ...monitoring, now }),
        workflows,
      },
      timeline,
    };
  }

  /**
   * The household by its id alone (an `_id` filter with the scope's range is a collection scan on
   * SecantusDB), then checked against the caller's scope: 404 outside it, its existence not told.
   */
  private async household(p: Principal, id: string): Promise<Household> {
    const h = await this.deps.households.findOne(READ_IN_SCOPE, { _id: id });
    if (!h || !this.deps.households.contains(p, h))
      throw notFound(HOUSEHOLD, 'REGISTRY_HOUSEHOLD_NOT_FOUND');
    return h;
  }

  /** The household's warnings (newest first), their count by status, and its follow-ups. */
  private async monitoring(householdId: string) {
    const mine = { householdId };
    const [warnings, byStatus, followUps] = await Promise.all([
      this.deps.warnings.find(READ_IN_SCOPE, mine, {
        sort: { raisedAt: -1 },
        limit: WARNING_LIMIT,
      }),
      this.deps.warnings.aggregate<{ _id: WarningStatus; n: number }>(READ_IN_SCOPE, [
        { $match: mine },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ]),
      readBounded(this.deps.followUps, READ_IN_SCOPE, mine, {
        sort: { month: -1 },
        limit: FOLLOW_UP_LIMIT,
      }),
    ]);
    return {
      warnings,
      byStatus: Object.fromEntries(byStatus.map((s) => [s._id, s.n])),
      followUps,
    };
  }
}
