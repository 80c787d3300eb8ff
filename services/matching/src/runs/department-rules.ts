import type { MatchingRuleCode } from '@fupin/contracts';
import type { RuleDefinition } from './rules';

// The rules of the lists the departments that joined later supply (issue 22): 村干部 (the
// organisation department or the townships), 养老金领取 and 就业工资 (人社), 残疾证 (残联) and 户籍迁出
// (公安).
// Each is versioned like the others: a change to what it finds raises its version.

/** 基础养老金: from this age (whole years on the list's date) a registered person draws it. */
export const PENSION_AGE = 60;

export const DEPARTMENT_RULES = {
  VILLAGE_CADRE_FAMILY: {
    version: 1,
    listType: 'village_cadres',
    kind: 'on_list',
    subject: 'person',
    zh: '建档立卡户家庭成员为村干部，疑似错评（村干部家庭原则上不纳入扶持对象）',
    en: "A member of a registered household is a village cadre: suspected wrong identification (village cadres' own families are excluded unless justified)",
  },
  DECEASED_STILL_PAID: {
    version: 1,
    listType: 'pension_receipts',
    kind: 'on_list',
    subject: 'person',
    zh: '死亡名单中的人员仍在养老金领取名单中，疑似死亡后仍领取养老金',
    en: 'A person on the deaths list is still on the pension receipts list: a pension paid after death',
  },
  PENSION_NOT_RECEIVED: {
    version: 1,
    listType: 'pension_receipts',
    kind: 'missing_from_list',
    subject: 'person',
    zh: `建档立卡人员年满${PENSION_AGE}周岁，但不在养老金领取名单中，未领取基础养老金`,
    en: `A registered person aged ${PENSION_AGE} or over on the list's date is not on the pension receipts list: not receiving the basic pension`,
  },
  DISABLED_WITHOUT_CERTIFICATE: {
    version: 1,
    listType: 'disability_certificates',
    kind: 'missing_from_list',
    subject: 'person',
    zh: '建档立卡登记为残疾，但残联名单中没有残疾证，残疾补贴依据不足',
    en: "The registry records the person as disabled but the federation's list holds no certificate: the disability subsidy lacks its basis",
  },
  CERTIFICATE_NOT_RECORDED_DISABLED: {
    version: 1,
    listType: 'disability_certificates',
    kind: 'on_list',
    subject: 'person',
    zh: '持有残疾证，但建档立卡未登记为残疾，可能漏享残疾补贴',
    en: 'The person holds a disability certificate but the registry does not record them as disabled: the disability subsidy may be missed',
  },
  MOVED_OUT_OF_COUNTY: {
    version: 1,
    listType: 'household_moves',
    kind: 'on_list',
    subject: 'person',
    zh: '建档立卡户家庭成员户籍已迁出本县，家庭人口须核实调整',
    en: "A member of a registered household moved their household registration out of the county: the household's members must be checked",
  },
  WAGE_INCOME_UNDERREPORTED: {
    version: 1,
    listType: 'employment_wages',
    kind: 'on_list',
    subject: 'household',
    zh: '建档立卡户申报的工资性收入远低于人社工资记录（阈值见参考数据），收入可能少报',
    en: "A registered household's reported wage income is far below the wages its members are paid on record (threshold in the reference data): income may be under-reported",
  },
} as const satisfies Partial<Record<MatchingRuleCode, RuleDefinition>>;
