// 问责 — what the county may decide when a unit is held accountable after two yellow cards in a
// row (seed 002: "对连续两个季度预黄牌的县直部门、乡镇主要负责人和分管负责人给予问责"). The kinds
// follow the 问责 measures of the Party's accountability rules, mildest first.

import type { CodeOf, EnumDefinition } from './enum-kit';

/** 问责方式 — the decision recorded on an accountability case. */
export const AccountabilityDecisionKind = {
  talk: { zh: '约谈', en: 'Formal talk', aliases: ['约谈提醒'] },
  criticism: { zh: '通报批评', en: 'Public criticism', aliases: ['通报'] },
  admonition: { zh: '诫勉谈话', en: 'Admonishment talk', aliases: ['诫勉'] },
  self_examination: {
    zh: '责令检查',
    en: 'Ordered self-examination',
    aliases: ['责令作出书面检查', '书面检查'],
  },
  organisational: {
    zh: '组织处理',
    en: 'Organisational measures',
    aliases: ['停职检查', '调整职务', '责令辞职', '免职', '降职'],
  },
  discipline: { zh: '移送纪检监察机关', en: 'Referred for discipline', aliases: ['纪律处分'] },
  none: {
    zh: '不予问责（说明理由）',
    en: 'No accountability (reasons given)',
    aliases: ['免于问责'],
  },
} as const satisfies EnumDefinition;
export type AccountabilityDecisionKind = CodeOf<typeof AccountabilityDecisionKind>;
