import { bi, type Bilingual } from '@fupin/kit';
import { ancestors, areaLevel, provinceOf } from '@fupin/reference';
import type { ExitConditionsVersion } from './exit-conditions.model';
import { INFRASTRUCTURE, type Infrastructure, type InfrastructureItem } from './village.model';

/** Pure rules of 贫困村退出: the conditions in force and the checks of a village against them. */

/**
 * 西部地区 — the twelve western provinces (内蒙古, 广西, 重庆, 四川, 贵州, 云南, 西藏, 陕西,
 * 甘肃, 青海, 宁夏, 新疆), whose villages exit below 3% poverty incidence instead of 2%.
 */
export const WESTERN_PROVINCES: readonly string[] = [
  '15',
  '45',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
];

export const NATIONAL_THRESHOLD_PERCENT = 2;
export const WESTERN_THRESHOLD_PERCENT = 3;

export const INFRASTRUCTURE_LABELS: Record<InfrastructureItem, Bilingual> = {
  roadHardening: bi('通硬化路', 'hardened road'),
  tapWater: bi('通自来水', 'tap water'),
  electricity: bi('通生产生活用电', 'electricity'),
  broadband: bi('通宽带', 'broadband'),
  clinic: bi('有标准化卫生室', 'village clinic'),
  activityRoom: bi('有综合文化活动室', 'activity room'),
};

/** The national rule's threshold for an area: 3% in the western provinces, else 2%. */
export function nationalThresholdPercent(areaCode: string): number {
  return WESTERN_PROVINCES.includes(provinceOf(areaCode).code)
    ? WESTERN_THRESHOLD_PERCENT
    : NATIONAL_THRESHOLD_PERCENT;
}

/** The county a village (or township) lies in; a county is its own. */
export function countyOf(code: string): string {
  if (areaLevel(code) === 'county') return code;
  return ancestors(code).find((c) => areaLevel(c) === 'county') ?? code;
}

/** The conditions in force for a county, as the API shows and the checks read them. */
export interface ExitConditions {
  areaCode: string;
  /** 0 while the county has recorded none: the national rule with every item. */
  version: number;
  province: { code: string; zh: string; en: string; western: boolean };
  incidence: {
    enabled: boolean;
    /** What was set; null follows the national rule. */
    thresholdPercent: number | null;
    nationalThresholdPercent: number;
    /** The threshold applied: the one set, else the national one. */
    effectiveThresholdPercent: number;
  };
  infrastructure: Record<InfrastructureItem, { enabled: boolean }>;
  changedAt: Date | null;
  changedBy: ExitConditionsVersion['changedBy'] | null;
  reason: string | null;
}

export function conditionsOf(county: string, v: ExitConditionsVersion | null): ExitConditions {
  const province = provinceOf(county);
  const national = nationalThresholdPercent(county);
  const threshold = v?.incidence.thresholdPercent ?? null;
  return {
    areaCode: county,
    version: v?.version ?? 0,
    province: { ...province, western: WESTERN_PROVINCES.includes(province.code) },
    incidence: {
      enabled: v?.incidence.enabled ?? true,
      thresholdPercent: threshold,
      nationalThresholdPercent: national,
      effectiveThresholdPercent: threshold ?? national,
    },
    infrastructure: Object.fromEntries(
      INFRASTRUCTURE.map((k) => [k, { enabled: v?.infrastructure[k]?.enabled ?? true }]),
    ) as ExitConditions['infrastructure'],
    changedAt: v?.changedAt ?? null,
    changedBy: v?.changedBy ?? null,
    reason: v?.reason ?? null,
  };
}

/** One condition and its outcome, listed in refusals and kept with each step. */
export interface ConditionCheck {
  check: string;
  passed: boolean;
  field: string;
  message: Bilingual;
}

/** The village facts the checks read. */
export interface ExitFacts {
  poorVillage: boolean;
  exited: boolean;
  povertyIncidencePercent: number | null;
  stillPoorPeople: number;
  ruralPopulation: number | null;
  infrastructure: Infrastructure;
}

function incidenceCheck(f: ExitFacts, c: ExitConditions): ConditionCheck {
  const y = c.incidence.effectiveThresholdPercent;
  const x = f.povertyIncidencePercent;
  if (x === null) {
    return {
      check: 'incidence_known',
      passed: false,
      field: 'ruralPopulation',
      message: bi(
        `未录入农村人口，无法计算贫困发生率（退出标准低于 ${y}%）`,
        `The rural population is not recorded, so the poverty incidence is unknown (the threshold is below ${y}%)`,
      ),
    };
  }
  return {
    check: 'incidence_below_threshold',
    passed: x < y,
    field: 'povertyIncidencePercent',
    message: bi(
      `贫困发生率 ${x}%（未脱贫 ${f.stillPoorPeople} 人 ÷ 农村人口 ${f.ruralPopulation} 人），退出标准为低于 ${y}%`,
      `Poverty incidence ${x}% (${f.stillPoorPeople} people still poor ÷ rural population ${f.ruralPopulation}) against a threshold below ${y}%`,
    ),
  };
}

function infrastructureCheck(f: ExitFacts, k: InfrastructureItem): ConditionCheck {
  const label = INFRASTRUCTURE_LABELS[k];
  const inPlace = f.infrastructure[k].inPlace;
  return {
    check: `infrastructure.${k}`,
    passed: inPlace,
    field: `infrastructure.${k}`,
    message: inPlace
      ? bi(`基础设施已达标：${label['zh-CN']}`, `Infrastructure in place: ${label.en}`)
      : bi(`基础设施未达标：${label['zh-CN']}`, `Infrastructure missing: ${label.en}`),
  };
}

/**
 * 贫困村退出 checks: the poverty incidence below the threshold and each infrastructure item,
 * each only when the county's conditions have it on.
 */
export function villageExitChecks(f: ExitFacts, c: ExitConditions): ConditionCheck[] {
  return [
    ...(c.incidence.enabled ? [incidenceCheck(f, c)] : []),
    ...INFRASTRUCTURE.filter((k) => c.infrastructure[k].enabled).map((k) =>
      infrastructureCheck(f, k),
    ),
  ];
}
