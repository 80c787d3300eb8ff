// The enums of the domain guide. Each value is a stable English code (what is stored and
// sent) with its zh-CN and en labels (what people read). `aliases` are the other ways the
// county's spreadsheets write a value, so an Excel import can read them with `fromLabel`.

import { type CodeOf, codesOf, type EnumDefinition } from './enum-kit';

export * from './enum-kit';
export * from './programme-enums';

/** 性别 — codes as GB/T 2261.1 numbers them: 1 male, 2 female. */
export const Sex = {
  male: { zh: '男', en: 'Male', gb: '1', aliases: ['男性'] },
  female: { zh: '女', en: 'Female', gb: '2', aliases: ['女性'] },
} as const satisfies EnumDefinition;
export type Sex = CodeOf<typeof Sex>;

/**
 * 贫困户状态 — where a household stands over time (动态管理). The last three are the
 * monitoring-phase categories.
 */
export const HouseholdStatus = {
  in_poverty: { zh: '未脱贫', en: 'In poverty', monitored: false },
  exited: { zh: '已脱贫', en: 'Exited poverty', monitored: false, aliases: ['脱贫'] },
  returned: { zh: '返贫', en: 'Returned to poverty', monitored: false, aliases: ['返贫户'] },
  unstable: {
    zh: '脱贫不稳定户',
    en: 'Unstable after exit',
    monitored: true,
    aliases: ['脱贫不稳定'],
  },
  marginal: {
    zh: '边缘易致贫户',
    en: 'Marginal, at risk of poverty',
    monitored: true,
    aliases: ['边缘户', '边缘易致贫'],
  },
  sudden_hardship: {
    zh: '突发严重困难户',
    en: 'Sudden severe hardship',
    monitored: true,
    aliases: ['突发困难户'],
  },
} as const satisfies EnumDefinition;
export type HouseholdStatus = CodeOf<typeof HouseholdStatus>;

/** 贫困户属性. */
export const PovertyAttribute = {
  ordinary: { zh: '一般贫困户', en: 'Ordinary poor household', aliases: ['一般户'] },
  minimum_allowance: {
    zh: '低保贫困户',
    en: 'Minimum-living-allowance poor household',
    aliases: ['低保户'],
  },
  destitute: {
    zh: '特困供养贫困户',
    en: 'Destitute-support poor household',
    aliases: ['五保户', '五保贫困户', '特困供养贫困户(五保户)', '特困户'],
  },
} as const satisfies EnumDefinition;
export type PovertyAttribute = CodeOf<typeof PovertyAttribute>;

/** 致贫原因 — the main cause and the other causes of a household's poverty. */
export const PovertyCause = {
  illness: { zh: '因病', en: 'Illness', aliases: ['因病致贫'] },
  disability: { zh: '因残', en: 'Disability', aliases: ['因残致贫'] },
  schooling: { zh: '因学', en: 'Schooling costs', aliases: ['因学致贫'] },
  disaster: { zh: '因灾', en: 'Disaster', aliases: ['因灾致贫'] },
  lack_of_land: { zh: '缺土地', en: 'Lack of land' },
  lack_of_water: { zh: '缺水', en: 'Lack of water' },
  lack_of_skills: { zh: '缺技术', en: 'Lack of skills' },
  lack_of_labour: { zh: '缺劳力', en: 'Lack of labour', aliases: ['缺劳动力'] },
  lack_of_capital: { zh: '缺资金', en: 'Lack of capital' },
  poor_transport: { zh: '交通条件落后', en: 'Poor transport', aliases: ['交通落后'] },
  lack_of_drive: {
    zh: '自身发展动力不足',
    en: 'Lack of own drive',
    aliases: ['自身发展动力不足致贫', '内生动力不足'],
  },
} as const satisfies EnumDefinition;
export type PovertyCause = CodeOf<typeof PovertyCause>;

/** 两不愁三保障 plus 饮水安全: each is recorded as met / not met with a note. */
export const Guarantee = {
  food: { zh: '不愁吃', en: 'No worry about food' },
  clothing: { zh: '不愁穿', en: 'No worry about clothing' },
  compulsory_education: {
    zh: '义务教育保障',
    en: 'Compulsory education guaranteed',
    aliases: ['义务教育有保障'],
  },
  basic_medical: {
    zh: '基本医疗保障',
    en: 'Basic medical care guaranteed',
    aliases: ['基本医疗有保障'],
  },
  housing_safety: {
    zh: '住房安全保障',
    en: 'Housing safety guaranteed',
    aliases: ['住房安全有保障'],
  },
  safe_water: { zh: '饮水安全', en: 'Safe drinking water', aliases: ['饮水安全有保障'] },
} as const satisfies EnumDefinition;
export type Guarantee = CodeOf<typeof Guarantee>;

/** 住房安全等级 — the 住建 appraisal grade; C and D are dangerous houses (危房). */
export const HousingSafetyGrade = {
  A: { zh: 'A级（安全）', en: 'Grade A (safe)', dangerous: false, aliases: ['A级'] },
  B: { zh: 'B级（基本安全）', en: 'Grade B (basically safe)', dangerous: false, aliases: ['B级'] },
  C: {
    zh: 'C级（局部危房）',
    en: 'Grade C (partly dangerous)',
    dangerous: true,
    aliases: ['C级', 'C级危房'],
  },
  D: {
    zh: 'D级（整栋危房）',
    en: 'Grade D (entirely dangerous)',
    dangerous: true,
    aliases: ['D级', 'D级危房'],
  },
} as const satisfies EnumDefinition;
export type HousingSafetyGrade = CodeOf<typeof HousingSafetyGrade>;

/** 危房: a house appraised C or D. */
export function isDangerousHouse(grade: HousingSafetyGrade): boolean {
  return HousingSafetyGrade[grade].dangerous;
}

/** 收入来源 — the four sources of a household's income. */
export const IncomeSource = {
  wages: { zh: '工资性收入', en: 'Wages', aliases: ['工资性', '务工收入'] },
  production: { zh: '生产经营性收入', en: 'Production and business', aliases: ['生产经营性'] },
  property: { zh: '财产性收入', en: 'Property', aliases: ['财产性'] },
  transfer: { zh: '转移性收入', en: 'Transfers', aliases: ['转移性'] },
} as const satisfies EnumDefinition;
export type IncomeSource = CodeOf<typeof IncomeSource>;

/** 与户主关系 — the aliases are the national registry's own spellings (之子, 之女 ...). */
export const Relation = {
  head: { zh: '户主', en: 'Head of household', aliases: ['本人'] },
  spouse: { zh: '配偶', en: 'Spouse', aliases: ['妻子', '丈夫', '夫妻'] },
  son: { zh: '子', en: 'Son', aliases: ['之子', '儿子'] },
  daughter: { zh: '女', en: 'Daughter', aliases: ['之女', '女儿'] },
  daughter_in_law: { zh: '儿媳', en: 'Daughter-in-law', aliases: ['之儿媳', '儿媳妇'] },
  son_in_law: { zh: '女婿', en: 'Son-in-law', aliases: ['之女婿'] },
  grandchild: {
    zh: '孙子女',
    en: 'Grandchild',
    aliases: [
      '孙子',
      '孙女',
      '之孙子',
      '之孙女',
      '外孙子女',
      '外孙子',
      '外孙女',
      '之外孙子',
      '之外孙女',
    ],
  },
  parent: { zh: '父母', en: 'Parent', aliases: ['父亲', '母亲', '之父', '之母'] },
  parent_in_law: {
    zh: '公婆/岳父母',
    en: 'Parent-in-law',
    aliases: [
      '公婆',
      '岳父母',
      '公公',
      '婆婆',
      '岳父',
      '岳母',
      '之公公',
      '之婆婆',
      '之岳父',
      '之岳母',
    ],
  },
  grandparent: {
    zh: '祖父母/外祖父母',
    en: 'Grandparent',
    aliases: ['祖父母', '外祖父母', '祖父', '祖母', '外祖父', '外祖母', '之祖父', '之祖母'],
  },
  sibling: {
    zh: '兄弟姐妹',
    en: 'Sibling',
    aliases: ['之兄弟姐妹', '兄弟', '姐妹', '哥哥', '弟弟', '姐姐', '妹妹'],
  },
  other: { zh: '其他', en: 'Other', aliases: ['其它'] },
} as const satisfies EnumDefinition;
export type Relation = CodeOf<typeof Relation>;

/** 文化程度. */
export const EducationLevel = {
  preschool: { zh: '学龄前儿童', en: 'Preschool child', aliases: ['学龄前'] },
  illiterate: {
    zh: '文盲或半文盲',
    en: 'Illiterate or semi-literate',
    aliases: ['文盲', '半文盲'],
  },
  primary: { zh: '小学', en: 'Primary school' },
  junior_secondary: { zh: '初中', en: 'Junior secondary school' },
  senior_secondary: { zh: '高中', en: 'Senior secondary school' },
  secondary_vocational: {
    zh: '中专',
    en: 'Secondary vocational school',
    aliases: ['中职', '职高', '技校'],
  },
  college_and_above: {
    zh: '大专及以上',
    en: 'College and above',
    aliases: ['大专', '本科', '本科及以上', '研究生'],
  },
} as const satisfies EnumDefinition;
export type EducationLevel = CodeOf<typeof EducationLevel>;

/** 在校生学段 — the stage of a member who is in school. */
export const SchoolStage = {
  preschool: { zh: '学前', en: 'Preschool', aliases: ['学前教育', '幼儿园'] },
  primary: { zh: '小学', en: 'Primary school' },
  junior_secondary: { zh: '初中', en: 'Junior secondary school' },
  senior_secondary: { zh: '高中', en: 'Senior secondary school', aliases: ['普通高中'] },
  secondary_vocational: {
    zh: '中职',
    en: 'Secondary vocational school',
    aliases: ['中专', '职高', '技校'],
  },
  higher_vocational: {
    zh: '高职/大专',
    en: 'Higher vocational college',
    aliases: ['高职', '大专', '高职高专'],
  },
  undergraduate: { zh: '本科', en: 'Undergraduate' },
} as const satisfies EnumDefinition;
export type SchoolStage = CodeOf<typeof SchoolStage>;

/** 健康状况; a disabled member also has a `DisabilityGrade`. */
export const HealthStatus = {
  healthy: { zh: '健康', en: 'Healthy' },
  chronic_illness: { zh: '长期慢性病', en: 'Long-term chronic illness', aliases: ['慢性病'] },
  serious_illness: { zh: '大病', en: 'Serious illness', aliases: ['患有大病', '重病'] },
  disabled: { zh: '残疾', en: 'Disabled' },
} as const satisfies EnumDefinition;
export type HealthStatus = CodeOf<typeof HealthStatus>;

/** 残疾等级 — grade 1 is the most severe. */
export const DisabilityGrade = {
  '1': { zh: '一级', en: 'Grade 1', aliases: ['1级', '一级残疾'] },
  '2': { zh: '二级', en: 'Grade 2', aliases: ['2级', '二级残疾'] },
  '3': { zh: '三级', en: 'Grade 3', aliases: ['3级', '三级残疾'] },
  '4': { zh: '四级', en: 'Grade 4', aliases: ['4级', '四级残疾'] },
} as const satisfies EnumDefinition;
export type DisabilityGrade = CodeOf<typeof DisabilityGrade>;

/** 劳动能力. */
export const LabourCapacity = {
  ordinary: { zh: '普通劳动力', en: 'Ordinary labour' },
  skilled: { zh: '技能劳动力', en: 'Skilled labour' },
  weak: { zh: '弱劳动力', en: 'Weak labour', aliases: ['弱劳动力或半劳动力', '半劳动力'] },
  lost: { zh: '丧失劳动力', en: 'Lost labour capacity' },
  none: { zh: '无劳动力', en: 'No labour capacity' },
} as const satisfies EnumDefinition;
export type LabourCapacity = CodeOf<typeof LabourCapacity>;

/**
 * 民族 — the 56 nationalities with their GB 3304 two-digit codes and romanised names, plus
 * GB 3304's 97 (other, not yet identified) and 98 (Chinese citizens of foreign origin).
 */
export const Ethnicity = {
  han: { zh: '汉族', en: 'Han', gb: '01', aliases: ['汉'] },
  mongol: { zh: '蒙古族', en: 'Mongol', gb: '02' },
  hui: { zh: '回族', en: 'Hui', gb: '03' },
  zang: { zh: '藏族', en: 'Zang', gb: '04' },
  uygur: { zh: '维吾尔族', en: 'Uygur', gb: '05' },
  miao: { zh: '苗族', en: 'Miao', gb: '06' },
  yi: { zh: '彝族', en: 'Yi', gb: '07' },
  zhuang: { zh: '壮族', en: 'Zhuang', gb: '08' },
  buyei: { zh: '布依族', en: 'Buyei', gb: '09' },
  chosen: { zh: '朝鲜族', en: 'Chosen', gb: '10' },
  man: { zh: '满族', en: 'Man', gb: '11' },
  dong: { zh: '侗族', en: 'Dong', gb: '12' },
  yao: { zh: '瑶族', en: 'Yao', gb: '13' },
  bai: { zh: '白族', en: 'Bai', gb: '14' },
  tujia: { zh: '土家族', en: 'Tujia', gb: '15' },
  hani: { zh: '哈尼族', en: 'Hani', gb: '16' },
  kazak: { zh: '哈萨克族', en: 'Kazak', gb: '17' },
  dai: { zh: '傣族', en: 'Dai', gb: '18' },
  li: { zh: '黎族', en: 'Li', gb: '19' },
  lisu: { zh: '傈僳族', en: 'Lisu', gb: '20' },
  va: { zh: '佤族', en: 'Va', gb: '21' },
  she: { zh: '畲族', en: 'She', gb: '22' },
  gaoshan: { zh: '高山族', en: 'Gaoshan', gb: '23' },
  lahu: { zh: '拉祜族', en: 'Lahu', gb: '24' },
  sui: { zh: '水族', en: 'Sui', gb: '25' },
  dongxiang: { zh: '东乡族', en: 'Dongxiang', gb: '26' },
  naxi: { zh: '纳西族', en: 'Naxi', gb: '27' },
  jingpo: { zh: '景颇族', en: 'Jingpo', gb: '28' },
  kirgiz: { zh: '柯尔克孜族', en: 'Kirgiz', gb: '29' },
  tu: { zh: '土族', en: 'Tu', gb: '30' },
  daur: { zh: '达斡尔族', en: 'Daur', gb: '31' },
  mulao: { zh: '仫佬族', en: 'Mulao', gb: '32' },
  qiang: { zh: '羌族', en: 'Qiang', gb: '33' },
  blang: { zh: '布朗族', en: 'Blang', gb: '34' },
  salar: { zh: '撒拉族', en: 'Salar', gb: '35' },
  maonan: { zh: '毛南族', en: 'Maonan', gb: '36' },
  gelao: { zh: '仡佬族', en: 'Gelao', gb: '37' },
  xibe: { zh: '锡伯族', en: 'Xibe', gb: '38' },
  achang: { zh: '阿昌族', en: 'Achang', gb: '39' },
  pumi: { zh: '普米族', en: 'Pumi', gb: '40' },
  tajik: { zh: '塔吉克族', en: 'Tajik', gb: '41' },
  nu: { zh: '怒族', en: 'Nu', gb: '42' },
  uzbek: { zh: '乌孜别克族', en: 'Uzbek', gb: '43' },
  russ: { zh: '俄罗斯族', en: 'Russ', gb: '44' },
  ewenki: { zh: '鄂温克族', en: 'Ewenki', gb: '45' },
  deang: { zh: '德昂族', en: 'Deang', gb: '46' },
  bonan: { zh: '保安族', en: 'Bonan', gb: '47' },
  yugur: { zh: '裕固族', en: 'Yugur', gb: '48' },
  gin: { zh: '京族', en: 'Gin', gb: '49' },
  tatar: { zh: '塔塔尔族', en: 'Tatar', gb: '50' },
  derung: { zh: '独龙族', en: 'Derung', gb: '51' },
  oroqen: { zh: '鄂伦春族', en: 'Oroqen', gb: '52' },
  hezhen: { zh: '赫哲族', en: 'Hezhen', gb: '53' },
  monba: { zh: '门巴族', en: 'Monba', gb: '54' },
  lhoba: { zh: '珞巴族', en: 'Lhoba', gb: '55' },
  jino: { zh: '基诺族', en: 'Jino', gb: '56' },
  other: {
    zh: '其他',
    en: 'Other (not yet identified)',
    gb: '97',
    aliases: ['其它', '未识别民族'],
  },
  foreign_origin: {
    zh: '外国血统中国籍人士',
    en: 'Chinese citizen of foreign origin',
    gb: '98',
    aliases: ['外国血统'],
  },
} as const satisfies EnumDefinition;
export type Ethnicity = CodeOf<typeof Ethnicity>;

/** The ethnicity whose GB 3304 code is `gb` ('01' → han), or undefined. */
export function ethnicityFromGbCode(gb: string): Ethnicity | undefined {
  return codesOf(Ethnicity).find((code) => Ethnicity[code].gb === gb.trim());
}
