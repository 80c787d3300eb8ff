// The enums of assistance and its programmes: plan measures, projects and their funding,
// helpers' ranks and the county's departments.

import type { CodeOf, EnumDefinition } from './enum-kit';

/**
 * 帮扶措施类别 — the 五个一批 (flagged `fiveBatches`) and the other kinds of measure a
 * household's plan (一户一策) chooses from.
 */
export const MeasureCategory = {
  production: {
    zh: '发展生产脱贫一批',
    en: 'Production development',
    fiveBatches: true,
    aliases: ['发展生产', '产业扶贫'],
  },
  relocation: {
    zh: '易地扶贫搬迁脱贫一批',
    en: 'Relocation',
    fiveBatches: true,
    aliases: ['易地扶贫搬迁', '易地搬迁'],
  },
  ecological_compensation: {
    zh: '生态补偿脱贫一批',
    en: 'Ecological compensation',
    fiveBatches: true,
    aliases: ['生态补偿'],
  },
  education: {
    zh: '发展教育脱贫一批',
    en: 'Education',
    fiveBatches: true,
    aliases: ['发展教育', '教育扶贫'],
  },
  social_security: {
    zh: '社会保障兜底一批',
    en: 'Social security safety net',
    fiveBatches: true,
    aliases: ['社会保障兜底', '兜底保障'],
  },
  employment: { zh: '就业扶贫', en: 'Employment', fiveBatches: false, aliases: ['就业'] },
  health: { zh: '健康扶贫', en: 'Health', fiveBatches: false },
  housing: { zh: '危房改造', en: 'Dangerous-house renovation', fiveBatches: false },
  finance: {
    zh: '金融扶贫',
    en: 'Finance (micro-credit)',
    fiveBatches: false,
    aliases: ['小额信贷', '扶贫小额信贷'],
  },
  in_kind: { zh: '实物帮扶', en: 'In-kind help', fiveBatches: false, aliases: ['物资帮扶'] },
} as const satisfies EnumDefinition;
export type MeasureCategory = CodeOf<typeof MeasureCategory>;

/** 项目类型 — the kinds of project in the project library (项目库). */
export const ProjectType = {
  road: { zh: '道路', en: 'Road', group: 'infrastructure', aliases: ['道路硬化', '通村公路'] },
  drinking_water: {
    zh: '饮水',
    en: 'Drinking water',
    group: 'infrastructure',
    aliases: ['人畜饮水', '安全饮水'],
  },
  irrigation: { zh: '农田水利', en: 'Irrigation', group: 'infrastructure', aliases: ['水利'] },
  electricity: { zh: '电力', en: 'Electricity', group: 'infrastructure', aliases: ['农网改造'] },
  housing: { zh: '住房', en: 'Housing', group: 'infrastructure', aliases: ['危房改造'] },
  industry: { zh: '产业发展', en: 'Industry', group: 'development', aliases: ['产业'] },
  whole_village: {
    zh: '整村推进',
    en: 'Whole-village advancement',
    group: 'development',
  },
  east_west_collaboration: {
    zh: '东西协作',
    en: 'East–west collaboration',
    group: 'development',
    aliases: ['东西部扶贫协作'],
  },
  relocation: { zh: '易地扶贫搬迁', en: 'Relocation', group: 'development' },
  training: {
    zh: '培训',
    en: 'Training',
    group: 'people',
    aliases: ['雨露计划', '劳动力转移培训'],
  },
  education: { zh: '教育', en: 'Education', group: 'people' },
  health: { zh: '健康', en: 'Health', group: 'people', aliases: ['卫生'] },
  ecommerce: { zh: '电商', en: 'E-commerce', group: 'development', aliases: ['电子商务'] },
  other: { zh: '其他', en: 'Other', group: 'other', aliases: ['其它'] },
} as const satisfies EnumDefinition;
export type ProjectType = CodeOf<typeof ProjectType>;

/** 资金来源 — where a project's planned investment comes from. */
export const FundingSource = {
  central: { zh: '中央', en: 'Central government', aliases: ['中央财政', '中央资金'] },
  provincial: { zh: '省级', en: 'Province', aliases: ['省', '省级财政'] },
  city: { zh: '市级', en: 'City', aliases: ['市', '市级财政'] },
  county_matching: { zh: '县级配套', en: 'County matching', aliases: ['县配套', '县级'] },
  sector: { zh: '行业筹措', en: 'Sector funds', aliases: ['行业部门筹措', '部门整合'] },
  self_raised: { zh: '群众自筹', en: 'Self-raised', aliases: ['自筹'] },
  partner_province: {
    zh: '东西协作',
    en: 'East–west partner province',
    aliases: ['东西部扶贫协作'],
  },
  social: { zh: '社会帮扶', en: 'Social assistance', aliases: ['社会捐赠', '社会资金'] },
} as const satisfies EnumDefinition;
export type FundingSource = CodeOf<typeof FundingSource>;

/** 项目状态 — proposed → approved → in progress → completed → accepted. */
export const ProjectStatus = {
  proposed: { zh: '申报', en: 'Proposed', aliases: ['已申报'] },
  approved: { zh: '审批入库', en: 'Approved', aliases: ['审批', '入库', '已入库'] },
  in_progress: { zh: '实施', en: 'In progress', aliases: ['实施中', '在建'] },
  completed: { zh: '完工', en: 'Completed', aliases: ['已完工'] },
  accepted: { zh: '验收', en: 'Accepted', aliases: ['已验收'] },
} as const satisfies EnumDefinition;
export type ProjectStatus = CodeOf<typeof ProjectStatus>;

/** 帮扶干部职级 — a helper's rank, which sets how many households they help (挂包帮). */
export const HelperRank = {
  department_level: { zh: '厅级', en: 'Department level', aliases: ['厅级干部', '厅局级'] },
  division_level: { zh: '处级', en: 'Division level', aliases: ['处级干部', '县处级'] },
  section_level: { zh: '科级', en: 'Section level', aliases: ['科级干部', '乡科级'] },
  general: { zh: '一般干部', en: 'General staff', aliases: ['干部职工'] },
} as const satisfies EnumDefinition;
export type HelperRank = CodeOf<typeof HelperRank>;

/** 部门 — the county poverty office and the line departments (行业部门). */
export const Department = {
  poverty_office: { zh: '扶贫办', en: 'Poverty alleviation office', aliases: ['县扶贫办'] },
  education: { zh: '教育', en: 'Education', aliases: ['教育局', '教体局', '教育体育局'] },
  health: { zh: '卫健', en: 'Health', aliases: ['卫健局', '卫生健康局', '卫计局'] },
  medical_security: { zh: '医保', en: 'Medical security', aliases: ['医保局', '医疗保障局'] },
  civil_affairs: { zh: '民政', en: 'Civil affairs', aliases: ['民政局'] },
  housing: { zh: '住建', en: 'Housing and construction', aliases: ['住建局'] },
  human_resources: {
    zh: '人社',
    en: 'Human resources and social security',
    aliases: ['人社局', '人力资源和社会保障局'],
  },
  finance: { zh: '财政', en: 'Finance', aliases: ['财政局'] },
  water: { zh: '水利', en: 'Water resources', aliases: ['水利局', '水务局'] },
  agriculture: { zh: '农业农村', en: 'Agriculture and rural affairs', aliases: ['农业农村局'] },
  forestry: { zh: '林业', en: 'Forestry', aliases: ['林业局', '林草局'] },
  public_security: { zh: '公安', en: 'Public security', aliases: ['公安局'] },
  market_regulation: {
    zh: '市场监管',
    en: 'Market regulation',
    aliases: ['市场监管局', '市场监督管理局', '工商'],
  },
  natural_resources: { zh: '自然资源', en: 'Natural resources', aliases: ['自然资源局', '国土'] },
  transport: { zh: '交通运输', en: 'Transport', aliases: ['交通运输局', '交通局'] },
  disabled_persons_federation: {
    zh: '残联',
    en: "Disabled Persons' Federation",
    aliases: ['残疾人联合会'],
  },
} as const satisfies EnumDefinition;
export type Department = CodeOf<typeof Department>;
