import {
  type AuditLog,
  type AuditValues,
  bi,
  conflict,
  countyWide,
  forbidden,
  isDuplicateKey,
  type Principal,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { areaLevel } from '@fupin/reference';
import type { ExitConditionsVersion } from './exit-conditions.model';
import { conditionsOf, countyOf, type ExitConditions } from './exit-conditions.rules';
import { INFRASTRUCTURE, type InfrastructureItem } from './village.model';

export interface ExitConditionsInput {
  incidence: { enabled: boolean; thresholdPercent: number | null };
  infrastructure: Partial<Record<InfrastructureItem, { enabled: boolean }>>;
  /** Why the conditions change; kept with the version. */
  reason: string;
  /** The version the change is based on (0 before the first); a newer one is a 409. */
  version?: number;
}

// Every village of the county, whichever township asks, is checked against the county's own.
const COUNTY_RULES = countyWide('a village is checked against the exit conditions of its county');

const stale = (currentVersion: number) =>
  conflict(
    'REGISTRY_EXIT_CONDITIONS_STALE',
    bi(
      '退出条件已被他人修改，请刷新后重试',
      'The exit conditions were changed by someone else; reload and retry',
    ),
    { currentVersion },
  );

/** The conditions as the audit log keeps them, before and after a change: flat codes and figures. */
export function auditedConditions(c: ExitConditions): AuditValues {
  return {
    version: c.version,
    'incidence.enabled': c.incidence.enabled,
    'incidence.thresholdPercent': c.incidence.thresholdPercent,
    'incidence.effectiveThresholdPercent': c.incidence.effectiveThresholdPercent,
    ...Object.fromEntries(
      INFRASTRUCTURE.map((k) => [`infrastructure.${k}`, c.infrastructure[k].enabled]),
    ),
  };
}

/** The keys whose value differs (the version always does). */
export function changedKeys(before: AuditValues, after: AuditValues): string[] {
  return Object.keys(after).filter((k) => k !== 'version' && before[k] !== after[k]);
}

/** 贫困村退出条件 — the county's reference data, versioned; each change kept with who and why. */
export class ExitConditionsService {
  constructor(
    private readonly deps: {
      conditions: ScopedRepository<ExitConditionsVersion>;
      /** Each change is recorded in the audit log (before, after, why). */
      audit: AuditLog;
      now?: () => Date;
    },
  ) {}

  private latest(county: string): Promise<ExitConditionsVersion | null> {
    return this.deps.conditions.findOne(
      COUNTY_RULES,
      { areaCode: county },
      { sort: { version: -1 } },
    );
  }

  /** The conditions in force for the village, township or county given. */
  async forArea(code: string): Promise<ExitConditions> {
    const county = countyOf(code);
    return conditionsOf(county, await this.latest(county));
  }

  /** The conditions of the caller's county, or of the area asked for. */
  get(p: Principal, area?: string): Promise<ExitConditions> {
    return this.forArea(area ?? p.areaCode);
  }

  /** Every version of the county's conditions, newest first: the record of who changed what. */
  async versions(p: Principal, area?: string): Promise<ExitConditions[]> {
    const county = countyOf(area ?? p.areaCode);
    const rows = await this.deps.conditions.find(
      COUNTY_RULES,
      { areaCode: county },
      { sort: { version: -1 } },
    );
    return rows.map((v) => conditionsOf(county, v));
  }

  /** Records the next version; only a county user may, for its own county. */
  async set(p: Principal, county: string, input: ExitConditionsInput): Promise<ExitConditions> {
    if (areaLevel(county) !== 'county') {
      throw unprocessable(
        'REGISTRY_EXIT_CONDITIONS_COUNTY_ONLY',
        bi('贫困村退出条件按县设置', 'Village exit conditions are set per county'),
        [{ field: 'areaCode', code: 'not_county', message: bi('须为县级代码', 'a county code') }],
      );
    }
    this.deps.conditions.assertWritable(p, county);
    if (areaLevel(p.areaCode) !== 'county' && areaLevel(p.areaCode) !== 'city') {
      throw forbidden(
        'REGISTRY_EXIT_CONDITIONS_COUNTY_ONLY',
        bi('贫困村退出条件须由县级用户设置', 'The exit conditions are set by a county user'),
      );
    }
    const current = await this.latest(county);
    const currentVersion = current?.version ?? 0;
    if (input.version !== undefined && input.version !== currentVersion)
      throw stale(currentVersion);
    const base = conditionsOf(county, current);
    const version = currentVersion + 1;
    const doc: ExitConditionsVersion = {
      _id: `${county}:${version}`,
      areaCode: county,
      version,
      incidence: {
        enabled: input.incidence.enabled,
        thresholdPercent: input.incidence.thresholdPercent,
      },
      infrastructure: Object.fromEntries(
        INFRASTRUCTURE.map((k) => [
          k,
          { enabled: input.infrastructure[k]?.enabled ?? base.infrastructure[k].enabled },
        ]),
      ) as ExitConditionsVersion['infrastructure'],
      changedAt: this.deps.now?.() ?? new Date(),
      changedBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
      reason: input.reason,
    };
    try {
      await this.deps.conditions.create(p, doc);
    } catch (err) {
      if (isDuplicateKey(err)) throw stale(currentVersion);
      throw err;
    }
    const after = conditionsOf(county, doc);
    await this.deps.audit.record(p, {
      action: 'exit_conditions_change',
      subjectType: 'exit_conditions',
      subjectIds: [county],
      fields: changedKeys(auditedConditions(base), auditedConditions(after)),
      reason: input.reason,
      before: auditedConditions(base),
      after: auditedConditions(after),
    });
    return after;
  }
}
