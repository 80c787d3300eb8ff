import {
  bi,
  countyWide,
  type Principal,
  type ScopedRepository,
  scopedRepository,
  unprocessable,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Household } from '../households/household.model';
import type { RegistryContext } from '../module';
import type { PovertyLineService } from '../workflows/poverty-line.service';
import { type FollowUpRecord, followUpModel } from './follow-up.model';
import { lastHomeCheck, type RiskFacts, riskClearedChecks, stableMonths } from './risk.rules';
import { monitoringSettingsModel } from './screening.model';
import { MonitoringSettingsService } from './settings.service';
import { type MonitoringWarning, warningModel } from './warning.model';

const READ = countyWide('风险消除 reads the household named by the workflow step');
const HOUSEHOLD = bi('贫困户', 'Household');

export interface FollowUpInput {
  incomeFen: number | null;
  homeCheckOn: string | null;
  note: string;
}

/**
 * 帮扶跟踪与风险消除 — a monitored household's monthly follow-up log (income, home checks) and
 * what it says of the risk: months of stable income, open warnings, the last home check, and
 * the checks a monitoring removal must pass.
 */
export class RiskService {
  constructor(
    private readonly deps: {
      followUps: ScopedRepository<FollowUpRecord>;
      warnings: ScopedRepository<MonitoringWarning>;
      households: ScopedRepository<Household>;
      settings: MonitoringSettingsService;
      requiredMonths: number;
      now: () => Date;
    },
  ) {}

  /** The facts a monitoring removal's start checks (the step has already checked the scope). */
  async facts(householdId: string, areaCode: string): Promise<RiskFacts> {
    const [months, openWarnings, settingsOf] = await Promise.all([
      this.deps.followUps.find(READ, { householdId }, { sort: { month: -1 }, limit: 60 }),
      this.deps.warnings.count(READ, { householdId, status: 'open' }),
      this.deps.settings.resolver(areaCode),
    ]);
    return {
      months,
      openWarnings,
      requiredMonths: this.deps.requiredMonths,
      lineOf: (year) => settingsOf(year).monitoringLineFen,
      today: shanghaiDateOf(this.deps.now()),
    };
  }

  /** The household's risk panel: the log, the months of stability and each removal check. */
  async view(p: Principal, householdId: string) {
    const h = await this.deps.households.get(p, householdId, {
      what: HOUSEHOLD,
      code: 'REGISTRY_HOUSEHOLD_NOT_FOUND',
    });
    const facts = await this.facts(h._id, h.areaCode);
    return {
      householdId: h._id,
      status: h.status,
      stableMonths: stableMonths(facts),
      requiredMonths: facts.requiredMonths,
      monitoringLineFen: facts.lineOf(Number(facts.today.slice(0, 4))),
      openWarnings: facts.openWarnings,
      lastHomeCheck: lastHomeCheck(facts.months),
      checks: riskClearedChecks(facts),
      followUps: facts.months,
    };
  }

  /** Records (or corrects) a month of the log; the month may not be in the future. */
  async record(
    p: Principal,
    householdId: string,
    month: string,
    input: FollowUpInput,
  ): Promise<FollowUpRecord> {
    const h = await this.deps.households.getForChange(p, householdId, {
      what: HOUSEHOLD,
      code: 'REGISTRY_HOUSEHOLD_NOT_FOUND',
    });
    const today = shanghaiDateOf(this.deps.now());
    const errors = [
      ...(month > today.slice(0, 7)
        ? [{ field: 'month', zh: '不能晚于本月', en: 'not after this month' }]
        : []),
      ...(input.homeCheckOn && (!input.homeCheckOn.startsWith(month) || input.homeCheckOn > today)
        ? [
            {
              field: 'homeCheckOn',
              zh: '须为该月内、不晚于今天的日期',
              en: 'a day of that month, not after today',
            },
          ]
        : []),
    ];
    if (errors.length) {
      throw unprocessable(
        'REGISTRY_FOLLOW_UP_INVALID',
        bi('帮扶跟踪记录有误', 'The follow-up record is not valid'),
        errors.map((e) => ({ field: e.field, code: 'invalid', message: bi(e.zh, e.en) })),
      );
    }
    const id = `${h._id}:${month}`;
    const before = await this.deps.followUps.findOne(READ, { _id: id });
    const record: FollowUpRecord = {
      _id: id,
      householdId: h._id,
      areaCode: h.areaCode,
      townshipCode: h.townshipCode,
      month,
      incomeFen: input.incomeFen,
      size: h.size,
      homeCheckOn: input.homeCheckOn,
      note: input.note,
      recordedBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
      recordedAt: this.deps.now(),
      corrections: before
        ? [
            ...before.corrections,
            {
              at: before.recordedAt,
              actorName: before.recordedBy.name,
              incomeFen: before.incomeFen,
              homeCheckOn: before.homeCheckOn,
              note: before.note,
            },
          ]
        : [],
    };
    const { _id, ...set } = record;
    await this.deps.followUps.updateOne(p, { _id }, { $set: set }, { upsert: true });
    return record;
  }
}

/** The risk service as the workflows and the monitoring module both make it. */
export function riskServiceOf(ctx: RegistryContext, lines: PovertyLineService): RiskService {
  return new RiskService({
    followUps: scopedRepository<FollowUpRecord>(followUpModel(ctx.rt.conn)),
    warnings: scopedRepository<MonitoringWarning>(warningModel(ctx.rt.conn)),
    households: ctx.repos.households,
    settings: new MonitoringSettingsService({
      settings: monitoringSettingsModel(ctx.rt.conn),
      lines: (area) => lines.lookupFor(area),
      audit: ctx.audit,
      now: ctx.now,
    }),
    requiredMonths: ctx.config.MONITORING_STABLE_MONTHS,
    now: ctx.now,
  });
}
