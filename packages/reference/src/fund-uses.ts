// 资金用途 — what each funding source may be spent on. Seed 000: "扶贫资金必须集中用于整村推进、
// 劳动力转移培训和移民开发三项重点工作" — the fiscal poverty funds (财政专项扶贫资金: central,
// provincial, city and county matching) go to those three works only; the other sources (sector
// funds, self-raised, the partner province, social help) are not restricted here. A project's
// use follows from its type: the works of a poor village — its roads, water, irrigation, power,
// housing and industry (产业, e-commerce stations included) — are 整村推进. Reference data,
// versioned: a change raises the version and applies from its `from`.

import type { CodeOf, EnumDefinition } from './enum-kit';
import type { FundingSource, ProjectType } from './programme-enums';

/** 资金用途 — the use a project's money serves. */
export const FundUse = {
  whole_village: { zh: '整村推进', en: 'Whole-village advancement' },
  labour_training: { zh: '劳动力转移培训', en: 'Labour transfer training' },
  relocation: { zh: '移民开发', en: 'Relocation (移民开发)' },
  education: { zh: '教育', en: 'Education' },
  health: { zh: '健康', en: 'Health' },
  east_west_collaboration: { zh: '东西协作', en: 'East–west collaboration' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies EnumDefinition;
export type FundUse = CodeOf<typeof FundUse>;

/** The use of each project type. */
export const USE_OF_PROJECT_TYPE: Record<ProjectType, FundUse> = {
  road: 'whole_village',
  drinking_water: 'whole_village',
  irrigation: 'whole_village',
  electricity: 'whole_village',
  housing: 'whole_village',
  industry: 'whole_village',
  whole_village: 'whole_village',
  ecommerce: 'whole_village',
  training: 'labour_training',
  relocation: 'relocation',
  education: 'education',
  health: 'health',
  east_west_collaboration: 'east_west_collaboration',
  other: 'other',
};

export interface FundUseTable {
  version: number;
  from: string;
  /** The uses a source allows; a source not listed allows every use. */
  bySource: Partial<Record<FundingSource, readonly FundUse[]>>;
}

/** 三项重点工作 of seed 000. */
const POVERTY_FUND_USES: readonly FundUse[] = ['whole_village', 'labour_training', 'relocation'];

export const FUND_USE_TABLES: readonly FundUseTable[] = [
  {
    version: 1,
    from: '2014-01-01',
    bySource: {
      central: POVERTY_FUND_USES,
      provincial: POVERTY_FUND_USES,
      city: POVERTY_FUND_USES,
      county_matching: POVERTY_FUND_USES,
    },
  },
];

/** The uses a source allows on a day (null: every use), with the table's version. */
export function allowedUsesFor(
  source: FundingSource,
  on: string,
): { version: number; uses: readonly FundUse[] | null } {
  let found: FundUseTable | null = null;
  for (const t of FUND_USE_TABLES) if (t.from <= on) found = t;
  return { version: found?.version ?? 0, uses: found?.bySource[source] ?? null };
}
