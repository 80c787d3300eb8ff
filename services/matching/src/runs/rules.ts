import type { MatchingRuleCode } from '@fupin/contracts';
import { bi, type Bilingual } from '@fupin/kit';
import { LIST_TYPES, type ListType } from '../lists/list-types';
import { DEPARTMENT_RULES } from './department-rules';

/**
 * 比对规则 — the rule table of the domain guide. A rule's version changes whenever what it
 * finds changes, and every run records the versions it applied.
 */
export interface RuleDefinition {
  version: number;
  /** The list type that drives the rule; null for the checks inside the registry. */
  listType: ListType | null;
  /** For a rule driven by more than one list type (listType is then null): those types. */
  listTypes?: ListType[];
  /** Whether the rule reports people on the list (join) or registry people missing from it (anti-join). */
  kind: 'on_list' | 'missing_from_list' | 'registry' | 'id_check';
  subject: 'person' | 'household';
  zh: string;
  en: string;
}

export const RULES: Record<MatchingRuleCode, RuleDefinition> = {
  VEHICLE_OWNER: {
    version: 1,
    listType: 'vehicles',
    kind: 'on_list',
    subject: 'person',
    zh: '建档立卡户家庭成员名下有车辆，疑似错评',
    en: 'A member of a registered household owns a vehicle: suspected wrong identification',
  },
  BUSINESS_OWNER: {
    version: 1,
    listType: 'businesses',
    kind: 'on_list',
    subject: 'person',
    zh: '建档立卡户家庭成员登记有工商企业，疑似错评',
    en: 'A member owns or runs a registered business: suspected wrong identification',
  },
  PUBLIC_EMPLOYEE: {
    version: 1,
    listType: 'public_employees',
    kind: 'on_list',
    subject: 'person',
    zh: '建档立卡户家庭成员为财政供养人员，疑似错评',
    en: 'A member is paid by public finance: suspected wrong identification',
  },
  URBAN_PROPERTY: {
    version: 1,
    listType: 'urban_property',
    kind: 'on_list',
    subject: 'person',
    zh: '建档立卡户家庭成员在城镇有房产，疑似错评',
    en: 'A member owns urban housing: suspected wrong identification',
  },
  DECEASED_IN_REGISTRY: {
    version: 1,
    listType: 'deaths',
    kind: 'on_list',
    subject: 'person',
    zh: '已死亡人员仍在建档立卡家庭成员中',
    en: 'A deceased person is still an active member in the registry',
  },
  ALLOWANCE_NOT_REGISTERED: {
    version: 1,
    listType: 'allowance_recipients',
    kind: 'on_list',
    subject: 'person',
    zh: '低保/特困人员未纳入建档立卡，疑似漏评',
    en: 'A minimum-allowance or destitute-support recipient is not in the registry: suspected missed identification',
  },
  ALLOWANCE_NOT_ON_LIST: {
    version: 1,
    listType: 'allowance_recipients',
    kind: 'missing_from_list',
    subject: 'person',
    zh: '建档立卡登记为低保/五保，但民政名单中没有',
    en: 'The registry records 低保/五保 but the civil-affairs list does not',
  },
  DROPOUT: {
    version: 1,
    listType: 'school_enrollment',
    kind: 'missing_from_list',
    subject: 'person',
    zh: '义务教育阶段适龄儿童无学籍，疑似辍学',
    en: 'A child of compulsory-education age is not enrolled: dropout case',
  },
  INSURANCE_GAP: {
    version: 1,
    listType: 'medical_insurance',
    kind: 'missing_from_list',
    subject: 'person',
    zh: '建档立卡人员未参加基本医疗保险',
    en: 'A registered person is not in basic medical insurance: coverage gap',
  },
  DANGEROUS_HOUSE: {
    version: 1,
    listType: 'dangerous_houses',
    kind: 'on_list',
    subject: 'household',
    zh: '建档立卡登记住房安全，但危房鉴定为C级或D级',
    en: 'The registry says the housing is safe but the appraisal grades it C or D',
  },
  ID_INVALID: {
    version: 1,
    listType: null,
    kind: 'id_check',
    subject: 'person',
    zh: '建档立卡人员身份证号不符合校验规则',
    en: "A registered person's ID number fails its GB 11643 check",
  },
  ID_FACTS_MISMATCH: {
    version: 1,
    listType: null,
    kind: 'id_check',
    subject: 'person',
    zh: '建档立卡登记的出生日期或性别与身份证号不一致',
    en: 'The birth date or sex in the registry disagrees with the ID number',
  },
  DUPLICATE_PERSON: {
    version: 1,
    listType: null,
    kind: 'registry',
    subject: 'person',
    zh: '同一人在两个建档立卡户中',
    en: 'The same person is a member of two households',
  },
  INCOME_ABOVE_LINE: {
    version: 1,
    listType: null,
    kind: 'registry',
    subject: 'household',
    zh: '人均纯收入已达扶贫标准但仍为未脱贫',
    en: 'Per-capita income is at or above the poverty line while still "in poverty"',
  },
  // 回头看 / 错退: exited households (已脱贫 and 脱贫不稳定户) re-checked. The first two read the
  // registry projection alone and run in every full run; the third runs whenever a deaths or
  // allowance list is matched (a run over that list, or a full run).
  EXITED_BELOW_LINE: {
    version: 1,
    listType: null,
    kind: 'registry',
    subject: 'household',
    zh: '已脱贫户最近收入年度人均纯收入低于当年扶贫标准，疑似错退',
    en: "An exited household's per-capita income for its latest income year is below that year's line: suspected wrong exit",
  },
  EXITED_GUARANTEE_UNMET: {
    version: 1,
    listType: null,
    kind: 'registry',
    subject: 'household',
    zh: '已脱贫户“两不愁三保障”或饮水安全未达标或情况不明，疑似错退',
    en: 'An exited household has a guarantee (food, clothing, education, medical care, housing, water) not met or unknown: suspected wrong exit',
  },
  EXITED_HOUSEHOLD_CHANGED: {
    version: 1,
    listType: null,
    listTypes: ['deaths', 'allowance_recipients'],
    kind: 'on_list',
    subject: 'household',
    zh: '已脱贫户成员出现在死亡或低保/特困名单中，家庭人口或收入发生变化，须回头看',
    en: "A member of an exited household is on the deaths or allowance list: the household's size or income changed and it must be re-checked",
  },
  ...DEPARTMENT_RULES,
};

export const RULE_CODES = Object.keys(RULES) as MatchingRuleCode[];

/** The rules a run applies: a list's own rules and the ID checks; a full run adds the registry checks. */
export function rulesFor(listTypes: ListType[], full: boolean): MatchingRuleCode[] {
  return RULE_CODES.filter((code) => {
    const r = RULES[code];
    if (r.kind === 'id_check') return listTypes.length > 0;
    if (r.kind === 'registry') return full;
    const driving = r.listTypes ?? (r.listType ? [r.listType] : []);
    return driving.some((t) => listTypes.includes(t));
  });
}

/** When a rule runs, in words: for the rule table. */
export function triggerOf(r: RuleDefinition): Bilingual {
  if (r.kind === 'registry')
    return bi('全量比对时检查建档立卡数据本身', 'Every full run, over the registry itself');
  if (r.kind === 'id_check') return bi('比对任一名单时检查', 'Whenever a list is matched');
  const types = r.listTypes ?? (r.listType ? [r.listType] : []);
  return bi(
    `比对${types.map((t) => LIST_TYPES[t].zh).join('或')}名单时（单个名单或全量比对）`,
    `Whenever a list of ${types.map((t) => LIST_TYPES[t].en).join(' or ')} is matched (alone or in a full run)`,
  );
}

/** Household statuses in which the household is treated as poor now (错评 checks). */
export const WRONG_IDENTIFICATION_STATUSES = new Set(['candidate', 'in_poverty', 'returned']);
/** 建档立卡 people: identified, whether still poor, exited or monitored. */
export const IDENTIFIED_STATUSES = new Set([
  'in_poverty',
  'returned',
  'exited',
  'unstable',
  'marginal',
  'sudden_hardship',
]);
/** 已脱贫 for the 回头看 / 错退 checks: exited, and exited but unstable (monitored). */
export const EXITED_STATUSES = new Set(['exited', 'unstable']);
/** "Still in poverty" for the income check. */
export const IN_POVERTY_STATUSES = new Set(['in_poverty', 'returned']);
/** 义务教育 ages, in whole years on the list's date. */
export const COMPULSORY_AGE = { from: 6, to: 15 } as const;
