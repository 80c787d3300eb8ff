/**
 * 户与成员 — the registry's household workbook (Excel or CSV): the header of each column by the
 * field of the household or member it fills. The registry's import reads these headers; the
 * demo writes its county with them, so its files go through the same import.
 */
export const HOUSEHOLD_SHEET_HEADERS = {
  householdNo: '户编号',
  areaCode: '行政村代码',
  groupNo: '村民小组',
  address: '家庭住址',
  phone: '户联系电话',
  bankName: '开户银行',
  bankAccount: '银行账号',
  status: '贫困户状态',
  attribute: '贫困户属性',
  mainCause: '主要致贫原因',
  otherCauses: '其他致贫原因',
  housingGrade: '住房安全等级',
  identificationYear: '识别年度',
  exitYear: '脱贫年度',
  partyMember: '是否贫困党员户',
  'income.year': '收入年度',
  'income.wagesFen': '工资性收入（元）',
  'income.productionFen': '生产经营性收入（元）',
  'income.propertyFen': '财产性收入（元）',
  'income.transferFen': '转移性收入（元）',
  'member.name': '成员姓名',
  'member.idNumber': '身份证号',
  'member.relation': '与户主关系',
  'member.sex': '性别',
  'member.birthDate': '出生日期',
  'member.ethnicity': '民族',
  'member.educationLevel': '文化程度',
  'member.inSchool': '是否在校生',
  'member.schoolStage': '在校学段',
  'member.health': '健康状况',
  'member.disabilityGrade': '残疾等级',
  'member.labourCapacity': '劳动能力',
  'member.migrantWork.working': '是否外出务工',
  'member.migrantWork.place': '务工地点',
  'member.migrantWork.months': '务工时间（月）',
  'member.medicalInsurance': '是否参加城乡居民医保',
  'member.pensionInsurance': '是否参加养老保险',
  'member.minimumAllowance': '是否享受低保',
  'member.destituteSupport': '是否特困供养',
  'member.phone': '成员联系电话',
} as const;

export type HouseholdSheetKey = keyof typeof HOUSEHOLD_SHEET_HEADERS;
