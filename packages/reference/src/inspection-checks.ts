// 督查 — what an inspection plan checks and how a finding is graded. The check items are the
// platform's own checks, so an inspector's finding names the page where the same thing is seen
// (`where`): the console's menu path in both languages.

import type { CodeOf, EnumDefinition } from './enum-kit';

/** 督查事项 — the kinds of check an inspection plan draws its checklist from. */
export const InspectionCheck = {
  dossier_consistency: {
    zh: '一户一档一致性',
    en: 'Household dossier consistency',
    where: { zh: '建档立卡 › 一户一档核对', en: 'Registry › Dossier consistency check' },
    aliases: ['一户一档'],
  },
  home_visits: {
    zh: '走访记录',
    en: 'Home visit records',
    where: { zh: '帮扶 › 走访记录', en: 'Assistance › Visits' },
    aliases: ['入户走访'],
  },
  household_plans: {
    zh: '一户一策落实',
    en: 'Household plans carried out',
    where: { zh: '帮扶 › 一户一策', en: 'Assistance › Household plans' },
    aliases: ['一户一策'],
  },
  fund_disbursement: {
    zh: '资金拨付进度',
    en: 'Fund disbursement progress',
    where: { zh: '项目资金 › 资金拨付', en: 'Projects and funds › Disbursements' },
    aliases: ['资金拨付'],
  },
  project_progress: {
    zh: '项目实施进度',
    en: 'Project progress',
    where: { zh: '项目资金 › 进展缓慢项目', en: 'Projects and funds › Slow projects' },
    aliases: ['项目进度'],
  },
  guarantees: {
    zh: '两不愁三保障',
    en: 'Two assurances and three guarantees',
    where: { zh: '建档立卡 › 贫困户 › 两不愁三保障', en: 'Registry › Households › Guarantees' },
    aliases: ['两不愁三保障落实'],
  },
  matching_leads: {
    zh: '数据比对疑点',
    en: 'Data-matching leads',
    where: { zh: '数据比对 › 比对问题', en: 'Data matching › Findings' },
    aliases: ['比对疑点', '数据比对'],
  },
  warning_verification: {
    zh: '防返贫预警核实',
    en: 'Return-to-poverty warnings verified',
    where: { zh: '建档立卡 › 防返贫监测预警', en: 'Registry › Monitoring warnings' },
    aliases: ['预警核实'],
  },
} as const satisfies EnumDefinition;
export type InspectionCheck = CodeOf<typeof InspectionCheck>;

/** 督查频次 — how often a plan's inspections are due. */
export const InspectionCadence = {
  weekly: { zh: '每周督查', en: 'Weekly', aliases: ['周督查', '每周'] },
  monthly: { zh: '每月督查', en: 'Monthly', aliases: ['月督查', '每月'] },
} as const satisfies EnumDefinition;
export type InspectionCadence = CodeOf<typeof InspectionCadence>;

/** 问题严重程度 — how serious an inspection finding is (督查发现问题). */
export const InspectionSeverity = {
  minor: { zh: '一般', en: 'Minor' },
  major: { zh: '较重', en: 'Major' },
  serious: { zh: '严重', en: 'Serious' },
} as const satisfies EnumDefinition;
export type InspectionSeverity = CodeOf<typeof InspectionSeverity>;
