import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/**
 * The support module's enumerations and its own pages (English has exactly the keys Chinese has:
 * the type says so).
 */
const zhCN = {
  enums: {
    SubsidyType: {
      tuition_waiver: '免学费',
      textbook_fee: '免教材费',
      tutorial_material_fee: '免教辅资料费',
      national_grant: '国家助学金',
      living_allowance: '生活补助',
      nutritious_lunch: '营养午餐',
      school_uniform: '校服',
      rain_dew_plan: '雨露计划',
      student_loan: '助学贷款',
    },
    EnrollmentStatus: {
      enrolled: '在读',
      suspended: '休学',
      dropped_out: '辍学',
      graduated: '毕业',
      transferred_out: '转出',
    },
    EnrollmentSource: { manual: '手工登记', import: '名单导入' },
    DropoutCaseStatus: { open: '跟踪中', closed: '已销号' },
    DropoutCloseReason: {
      returned_to_school: '已劝返复学',
      home_schooling: '重度残疾送教上门',
      medical_deferral: '因病经批准延缓入学或休学',
      enrolled_elsewhere: '已在外地就读',
      left_registry: '已不在建档立卡名册',
    },
    InsuranceKind: {
      basic_medical: '基本医疗保险',
      serious_illness: '大病保险',
      pension: '养老保险',
    },
    TopUpStatus: {
      not_needed: '无需追补',
      owed: '待追补',
      partly_paid: '部分追补',
      paid: '已追补',
    },
    ChronicCareStatus: { active: '签约中', ended: '已解约' },
    SeriousIllnessStatus: { active: '救助中', closed: '已结案' },
    SupportImportKind: {
      education_enrollment: '教育部门学籍名单',
      health_insurance: '医保参保名单',
    },
    SupportImportStatus: {
      queued: '排队中',
      running: '比对中',
      completed: '已完成',
      failed: '失败',
    },
    SupportImportOutcome: {
      pending: '待比对',
      enrolled: '已比对入库',
      unknown_person: '非建档立卡人员',
      out_of_scope: '不在本辖区',
      rejected: '数据有误',
      duplicate: '名单内重复',
      not_found: '名单中未找到',
    },
  },
  support: {
    term: { label: '%{year}年%{season}', spring: '春季学期', autumn: '秋季学期' },
    grade: '%{grade} 年级',
    only_education: '教育扶贫数据仅限教育部门、县扶贫办和乡镇查看和办理。',
    only_health: '健康扶贫数据仅限卫健（医保）部门、县扶贫办和乡镇查看和办理。',
    none_yet: '暂无记录',
    enrollment_recorded: '已登记学籍',
    dashboard: {
      education: '教育扶贫',
      health: '健康扶贫',
      dropout_open: '控辍保学跟踪中',
      dropout_without_owner: '未指定责任人',
      dropout_closed: '本学年已销号',
      subsidy_students: '本学期受资助学生',
      subsidy_amount: '本学期资助金额',
      enrolled_by_stage: '本学期各学段在读人数',
      year: '%{year} 年度',
      latest_with_data: '（本期暂无数据，显示最近有数据的一期）',
      coverage: '参保覆盖率',
      rate_of_target: '%{rate}（目标 %{target}）',
      episodes: '住院报账人次',
      top_up_outstanding: '尚欠追补金额',
      top_up_owed_episodes: '待追补人次',
      chronic_care: '慢病签约人数',
      serious_illness: '大病救助人数',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    SubsidyType: {
      tuition_waiver: 'Tuition waiver',
      textbook_fee: 'Textbook fee waiver',
      tutorial_material_fee: 'Tutorial-material fee waiver',
      national_grant: 'National grant',
      living_allowance: 'Living allowance',
      nutritious_lunch: 'Nutritious lunch',
      school_uniform: 'School uniform',
      rain_dew_plan: 'Rain-dew plan',
      student_loan: 'Student loan',
    },
    EnrollmentStatus: {
      enrolled: 'Enrolled',
      suspended: 'Suspended',
      dropped_out: 'Dropped out',
      graduated: 'Graduated',
      transferred_out: 'Transferred out',
    },
    EnrollmentSource: { manual: 'Entered', import: 'Imported' },
    DropoutCaseStatus: { open: 'Open', closed: 'Closed' },
    DropoutCloseReason: {
      returned_to_school: 'Returned to school',
      home_schooling: 'Severe disability, schooled at home',
      medical_deferral: 'Deferred or suspended for illness with approval',
      enrolled_elsewhere: 'Enrolled in school elsewhere',
      left_registry: 'No longer registered',
    },
    InsuranceKind: {
      basic_medical: 'Basic medical insurance',
      serious_illness: 'Serious-illness insurance',
      pension: 'Pension insurance',
    },
    TopUpStatus: {
      not_needed: 'Not needed',
      owed: 'Owed',
      partly_paid: 'Partly paid',
      paid: 'Paid',
    },
    ChronicCareStatus: { active: 'Active', ended: 'Ended' },
    SeriousIllnessStatus: { active: 'Active', closed: 'Closed' },
    SupportImportKind: {
      education_enrollment: 'Education enrollment list',
      health_insurance: 'Health insurance list',
    },
    SupportImportStatus: {
      queued: 'Queued',
      running: 'Reconciling',
      completed: 'Completed',
      failed: 'Failed',
    },
    SupportImportOutcome: {
      pending: 'Pending',
      enrolled: 'Matched and recorded',
      unknown_person: 'Not registered',
      out_of_scope: 'Outside the area',
      rejected: 'With errors',
      duplicate: 'Duplicate in the list',
      not_found: 'Missing from the list',
    },
  },
  support: {
    term: { label: '%{season} %{year}', spring: 'Spring term', autumn: 'Autumn term' },
    grade: 'Grade %{grade}',
    only_education:
      'Education support is for the education department, the poverty office and the townships.',
    only_health:
      'Health support is for the health department, the poverty office and the townships.',
    none_yet: 'Nothing yet',
    enrollment_recorded: 'Enrollment recorded',
    dashboard: {
      education: 'Education support',
      health: 'Health support',
      dropout_open: 'Open dropout cases',
      dropout_without_owner: 'Without an owner',
      dropout_closed: 'Closed this school year',
      subsidy_students: 'Students subsidised this term',
      subsidy_amount: 'Subsidies this term',
      enrolled_by_stage: 'Enrolled this term by stage',
      year: 'Year %{year}',
      latest_with_data:
        ' (nothing recorded for the current period yet: the latest period with data)',
      coverage: 'Insurance coverage',
      rate_of_target: '%{rate} (target %{target})',
      episodes: 'In-patient episodes',
      top_up_outstanding: 'Top-ups outstanding',
      top_up_owed_episodes: 'Episodes owed a top-up',
      chronic_care: 'Chronic-care contracts',
      serious_illness: 'Serious-illness cases',
    },
  },
};

export const enumsMessages: ModuleMessages = { zhCN, en };
