import type { Bilingual } from '@fupin/kit';
import type { HistoryEntry, Household } from '../households/household.model';

/** The signals of 防返贫监测预警, each a rule of the rule table (warning-rules.table.ts). */
export const SIGNAL_CODES = [
  'income_below_monitoring_line',
  'medical_out_of_pocket',
  'child_out_of_school',
  'member_deceased',
  'labourer_disabled',
  'disaster',
  'work_lost',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

/** The thresholds in force for a year (a county or provincial setting, with defaults). */
export interface ScreeningSettings {
  year: number;
  /** 监测线 per person per year, fen: the setting, or 1.5 × the poverty line of the year. */
  monitoringLineFen: number;
  /** Out-of-pocket medical costs over the last 12 months above this fire the medical rule. */
  medicalThresholdFen: number;
}

/** One in-patient episode's out-of-pocket cost (support's reimbursement events). */
export interface MedicalCostFact {
  episodeId: string;
  personId: string;
  /** The discharge day, or the admission day while still in hospital (YYYY-MM-DD). */
  day: string;
  /** total − the three layers − the top-ups paid, never below 0. */
  outOfPocketFen: number;
}

/** 灾害种类 as township staff record them. */
export const DISASTER_KINDS = {
  flood: { zh: '洪涝', en: 'Flood' },
  drought: { zh: '干旱', en: 'Drought' },
  landslide: { zh: '山体滑坡/泥石流', en: 'Landslide or debris flow' },
  earthquake: { zh: '地震', en: 'Earthquake' },
  hail: { zh: '冰雹', en: 'Hail' },
  fire: { zh: '火灾', en: 'Fire' },
  epidemic: { zh: '疫情/动物疫病', en: 'Epidemic or animal disease' },
  other: { zh: '其他灾害', en: 'Other disaster' },
} as const;
export type DisasterKind = keyof typeof DISASTER_KINDS;

/** A disaster recorded by township staff for a village or named households. */
export interface DisasterFact {
  id: string;
  kind: string;
  /** YYYY-MM-DD */
  day: string;
  lossesFen: number | null;
  description: string;
}

/** What the screening knows of one household on the screening day. */
export interface ScreeningInput {
  household: Pick<
    Household,
    | '_id'
    | 'areaCode'
    | 'status'
    | 'size'
    | 'perCapitaIncomeFen'
    | 'income'
    | 'members'
    | 'supportFacts'
  >;
  /** History entries of the last 12 months (member changes), oldest first. */
  history: Pick<HistoryEntry, 'at' | 'action' | 'changed'>[];
  medical: MedicalCostFact[];
  disasters: DisasterFact[];
  /** Settings by year: the income's year and the screening's year. */
  settings: (year: number) => ScreeningSettings;
  /** The screening day, YYYY-MM-DD (Asia/Shanghai). */
  today: string;
}

/** A rule that fired: the facts behind it, explained in both languages. */
export interface FiredSignal {
  code: SignalCode;
  version: number;
  explanation: Bilingual;
  /** The figures the rule compared (fen, counts, days), for the console and the report. */
  values: Record<string, number | string | null>;
}

/** A rule that could not be evaluated: no warning, but listed in the screening report. */
export interface MissingData {
  code: SignalCode;
  reason: Bilingual;
}

export interface ScreeningResult {
  fired: FiredSignal[];
  missing: MissingData[];
}
