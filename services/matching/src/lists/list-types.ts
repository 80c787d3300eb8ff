/**
 * 部门名单类型 — the department lists the poverty office matches the registry against
 * (domain guide, "Cross-department data matching").
 */
export const LIST_TYPES = {
  vehicles: { zh: '车辆登记（公安）', en: 'Vehicle registrations (public security)' },
  businesses: { zh: '工商登记（市场监管）', en: 'Business registrations (market regulation)' },
  public_employees: { zh: '财政供养人员（财政）', en: 'Public employees (finance)' },
  urban_property: { zh: '城镇房产（住建/不动产）', en: 'Urban property (housing / land registry)' },
  deaths: { zh: '死亡人员（公安/民政）', en: 'Death records (public security / civil affairs)' },
  allowance_recipients: {
    zh: '低保/特困人员（民政）',
    en: 'Minimum-allowance and destitute-support recipients (civil affairs)',
  },
  school_enrollment: { zh: '学籍（教育）', en: 'School enrollment (education)' },
  medical_insurance: { zh: '医保参保（医保）', en: 'Medical insurance enrollment' },
  dangerous_houses: { zh: '危房鉴定（住建）', en: 'Dangerous-house appraisals (housing)' },
  village_cadres: {
    zh: '村干部名单（组织部/乡镇）',
    en: 'Village cadres (organisation department / townships)',
  },
  pension_receipts: { zh: '养老金领取（人社）', en: 'Pension receipts (human resources)' },
  disability_certificates: {
    zh: '残疾证（残联）',
    en: "Disability certificates (disabled persons' federation)",
  },
  household_moves: {
    zh: '户籍迁出（公安）',
    en: 'Household-registration moves out of the county (public security)',
  },
  employment_wages: {
    zh: '就业与工资（人社）',
    en: 'Employment and wages (human resources)',
  },
} as const;

export type ListType = keyof typeof LIST_TYPES;
export const LIST_TYPE_CODES = Object.keys(LIST_TYPES) as [ListType, ...ListType[]];

/** One bit per list type, for marking who appeared on which list during a run. */
export function listTypeBit(type: ListType): number {
  return 1 << LIST_TYPE_CODES.indexOf(type);
}

/** Headers under which departments put the ID number (身份证号 and its variants). */
export const ID_HEADERS = ['身份证号', '身份证号码', '公民身份号码', '证件号码'];

/**
 * A column a list type needs besides the ID number: its value becomes the row's fact (the
 * appraisal grade of a dangerous house, the area a 低保 recipient lives in, the year's wages
 * in fen). A note in brackets after the header (`年工资收入（元）`) is ignored.
 */
export interface FactColumn {
  name: 'grade' | 'area' | 'wage';
  headers: string[];
  required: boolean;
}

export const FACT_COLUMNS: Partial<Record<ListType, FactColumn>> = {
  dangerous_houses: {
    name: 'grade',
    headers: ['鉴定等级', '危房等级', '房屋等级', '安全等级', '鉴定结论', '等级'],
    required: true,
  },
  allowance_recipients: {
    name: 'area',
    headers: ['行政区划代码', '区划代码', '村代码', '所在村代码', '地区代码'],
    required: false,
  },
  employment_wages: {
    name: 'wage',
    headers: [
      '年工资收入',
      '年度工资收入',
      '工资收入',
      '工资性收入',
      '年工资',
      '全年工资',
      '工资总额',
      '应发工资',
      '应发工资合计',
      '年收入',
    ],
    required: true,
  },
};
