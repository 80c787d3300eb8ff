import { areaWithin, type Principal, type ScopedRepository } from '@fupin/kit';
import type { Area } from '../areas/area.model';
import type { ExitTargetService } from './exit-target.service';
import { villageExitStateOf } from './village-exit.types';
import type { Village } from './village.model';
import type { StatisticsService } from './statistics.service';

/** A village the year's target names, and where its exit stands. */
export interface TargetVillage {
  code: string;
  name: string;
  exited: boolean;
  exitYear: number | null;
  /** The stage of a running exit, or null. */
  exitStage: string | null;
}

/** 年度目标进度 — the area's incidence and village exits now against the year's targets. */
export interface ExitProgress {
  areaCode: string;
  year: number;
  incidence: {
    /** 贫困发生率 now, over the villages whose population is recorded. */
    percent: number | null;
    targetPercent: number | null;
    /** At or below the target; null without a target or without an incidence. */
    met: boolean | null;
  };
  villages: {
    /** Poor villages of the area, and those not exited yet. */
    poorVillages: number;
    notExited: number;
    /** Villages whose exit the county approved for the year. */
    exitedInYear: number;
    /** The number to exit: the target's, else how many it names; null without a target. */
    target: number | null;
    met: boolean | null;
    /** The villages the target names, each with its exit. */
    named: TargetVillage[];
  };
  households: { exited: number; target: number | null; met: boolean | null };
}

/** 目标进度 — reads the targets, the incidence and the villages' exits of one area and year. */
export class ExitProgressService {
  constructor(
    private readonly deps: {
      areas: ScopedRepository<Area>;
      villages: ScopedRepository<Village>;
      targets: ExitTargetService;
      statistics: StatisticsService;
    },
  ) {}

  async progress(p: Principal, year: number, area?: string): Promise<ExitProgress> {
    const scope = this.deps.statistics.scopeOf(p, area);
    const within = areaWithin(scope, 'code');
    const [target, incidence, exits, poorVillages, notExited, exitedInYear] = await Promise.all([
      this.deps.targets.one(p, scope, year),
      this.deps.statistics.povertyIncidence(p, 'township', scope),
      this.deps.statistics.exits(p, { area: scope, from: year, to: year }),
      this.deps.villages.count(p, { $and: [within, { poorVillage: true }] }),
      this.deps.villages.count(p, { $and: [within, { poorVillage: true, exited: false }] }),
      this.deps.villages.count(p, { $and: [within, { exited: true, exitYear: year }] }),
    ]);
    const named = await this.named(p, target?.villageCodes ?? []);
    const percent = incidence.overall.povertyIncidencePercent;
    const targetPercent = target?.incidencePercent ?? null;
    const villageTarget = target
      ? (target.villages ?? (target.villageCodes?.length ? target.villageCodes.length : null))
      : null;
    const namedDone = named.every((v) => v.exited && v.exitYear !== null && v.exitYear <= year);
    const exitYear = exits.years[0];
    return {
      areaCode: scope,
      year,
      incidence: {
        percent,
        targetPercent,
        met: targetPercent === null || percent === null ? null : percent <= targetPercent,
      },
      villages: {
        poorVillages,
        notExited,
        exitedInYear,
        target: villageTarget,
        met: villageTarget === null ? null : exitedInYear >= villageTarget && namedDone,
        named,
      },
      households: {
        exited: exitYear?.households ?? 0,
        target: exitYear?.targetHouseholds ?? null,
        met: exitYear?.targetMet ?? null,
      },
    };
  }

  private async named(p: Principal, codes: string[]): Promise<TargetVillage[]> {
    if (codes.length === 0) return [];
    const [areas, facts] = await Promise.all([
      this.deps.areas.find(p, { code: { $in: codes } }, { projection: { name: 1 } }),
      this.deps.villages.find(p, { code: { $in: codes } }),
    ]);
    const names = new Map(areas.map((a) => [a._id, a.name]));
    const byCode = new Map(facts.map((v) => [v.code, v]));
    return codes.map((code) => {
      const v = byCode.get(code);
      const active = villageExitStateOf(v?.exitWorkflow).active;
      return {
        code,
        name: names.get(code) ?? '',
        exited: v?.exited ?? false,
        exitYear: v?.exitYear ?? null,
        exitStage: active?.stage ?? null,
      };
    });
  }
}
