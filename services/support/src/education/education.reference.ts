// Reference lists of the education module, with the labels the console and spreadsheets use.
import type { EnumDefinition } from '@fupin/reference';

/** 资助类型 — the education subsidies a registered student can receive. */
export const SubsidyType = {
  tuition_waiver: { zh: '免学费', en: 'Tuition waiver', aliases: ['免除学费', '学费减免'] },
  textbook_fee: { zh: '免教材费', en: 'Textbook fee waiver', aliases: ['教材费', '免费教科书'] },
  tutorial_material_fee: {
    zh: '免教辅资料费',
    en: 'Tutorial-material fee waiver',
    aliases: ['教辅费', '教辅资料费'],
  },
  national_grant: { zh: '国家助学金', en: 'National grant', aliases: ['助学金'] },
  living_allowance: {
    zh: '生活补助',
    en: 'Living allowance',
    aliases: ['寄宿生生活补助', '生活费补助', '家庭经济困难寄宿生生活补助'],
  },
  nutritious_lunch: { zh: '营养午餐', en: 'Nutritious lunch', aliases: ['营养改善计划'] },
  school_uniform: { zh: '校服', en: 'School uniform', aliases: ['免费校服'] },
  rain_dew_plan: {
    zh: '雨露计划',
    en: 'Rain-dew plan vocational grant',
    aliases: ['雨露计划补助'],
  },
  student_loan: { zh: '助学贷款', en: 'Student loan', aliases: ['生源地助学贷款', '国家助学贷款'] },
} as const satisfies EnumDefinition;
export type SubsidyType = keyof typeof SubsidyType;

/** 学籍状态 — a student's status in a term. */
export const EnrollmentStatus = {
  enrolled: { zh: '在读', en: 'Enrolled', aliases: ['在校', '在籍', '正常'] },
  suspended: { zh: '休学', en: 'Suspended' },
  dropped_out: { zh: '辍学', en: 'Dropped out', aliases: ['失学'] },
  graduated: { zh: '毕业', en: 'Graduated', aliases: ['已毕业'] },
  transferred_out: { zh: '转出', en: 'Transferred out', aliases: ['转学'] },
} as const satisfies EnumDefinition;
export type EnrollmentStatus = keyof typeof EnrollmentStatus;

/**
 * 控辍保学 销号原因 — why a dropout case may be closed. Only a return to school, or one of
 * the reasons the policy allows, closes a case.
 */
export const DropoutCloseReason = {
  returned_to_school: { zh: '已劝返复学', en: 'Returned to school' },
  home_schooling: {
    zh: '重度残疾送教上门',
    en: 'Severe disability, schooled at home',
    aliases: ['送教上门'],
  },
  medical_deferral: {
    zh: '因病经批准延缓入学或休学',
    en: 'Deferred or suspended for illness with approval',
  },
  enrolled_elsewhere: {
    zh: '已在外地就读',
    en: 'Enrolled in school elsewhere',
    aliases: ['外地就读', '随迁就读'],
  },
  left_registry: {
    zh: '已不在建档立卡名单（死亡、迁出等）',
    en: 'No longer in the registry (deceased, moved away …)',
  },
} as const satisfies EnumDefinition;
export type DropoutCloseReason = keyof typeof DropoutCloseReason;
