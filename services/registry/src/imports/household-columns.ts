import { HOUSEHOLD_SHEET_HEADERS } from '@fupin/contracts';
import type { Cell } from '@fupin/kit';
import {
  DisabilityGrade,
  EducationLevel,
  Ethnicity,
  HealthStatus,
  HouseholdStatus,
  HousingSafetyGrade,
  LabourCapacity,
  PovertyAttribute,
  PovertyCause,
  Relation,
  SchoolStage,
  Sex,
} from '@fupin/reference';
import { GUARANTEES, type GuaranteeCode } from '../households/household.model';
import {
  causes,
  date,
  digitsText,
  guarantee,
  idText,
  integer,
  label,
  type Parsed,
  text,
  yesNo,
  yuan,
} from './sheet-cells';

/**
 * The columns of the household workbook, in template order: the household's (repeated on each
 * of its members' rows), its guarantees (两不愁三保障 + 饮水安全, one yes/no column each), and
 * the member's. Each column knows its header, where its value goes and how its cell is read.
 */

export type ColumnScope = 'household' | 'member';

export interface Column {
  /** Where the value goes in the service input: `householdNo`, `income.wagesFen`, `member.name`. */
  key: string;
  header: string;
  scope: ColumnScope;
  required?: boolean;
  width?: number;
  /** What the instructions sheet says about the column. */
  hint: string;
  parse(cell: Cell): Parsed;
}

const guaranteeColumn = (g: GuaranteeCode): Column => ({
  key: `guarantees.${g}`,
  header: HOUSEHOLD_SHEET_HEADERS[`guarantees.${g}` as const],
  scope: 'household',
  hint: '是/达标/有，或 否/未达标/无；不清楚请留空（留空为「未知」，不视为达标）',
  parse: guarantee,
});

/** The columns in template order. Headers are what people see; keys are what the code uses. */
export const COLUMNS: readonly Column[] = [
  {
    key: 'householdNo',
    header: HOUSEHOLD_SHEET_HEADERS.householdNo,
    scope: 'household',
    required: true,
    width: 16,
    hint: '4–32位字母、数字或连字符；同一户的各行连续排列',
    parse: text(32),
  },
  {
    key: 'areaCode',
    header: HOUSEHOLD_SHEET_HEADERS.areaCode,
    scope: 'household',
    required: true,
    width: 15,
    hint: '所在行政村的12位统计用区划代码（文本格式）',
    parse: text(12),
  },
  {
    key: 'groupNo',
    header: HOUSEHOLD_SHEET_HEADERS.groupNo,
    scope: 'household',
    hint: '组号，1–999',
    parse: integer(1, 999),
  },
  {
    key: 'address',
    header: HOUSEHOLD_SHEET_HEADERS.address,
    scope: 'household',
    width: 24,
    hint: '',
    parse: text(200),
  },
  {
    key: 'phone',
    header: HOUSEHOLD_SHEET_HEADERS.phone,
    scope: 'household',
    width: 14,
    hint: '',
    parse: text(30),
  },
  {
    key: 'bankName',
    header: HOUSEHOLD_SHEET_HEADERS.bankName,
    scope: 'household',
    hint: '',
    parse: text(50),
  },
  {
    key: 'bankAccount',
    header: HOUSEHOLD_SHEET_HEADERS.bankAccount,
    scope: 'household',
    width: 22,
    hint: '12–30位数字（文本格式）',
    parse: digitsText(40, '银行账号', 'bank account'),
  },
  {
    key: 'status',
    header: HOUSEHOLD_SHEET_HEADERS.status,
    scope: 'household',
    hint: '仅新建户时使用（需审批权限）；留空为「待识别」。状态变更请走识别、退出流程',
    parse: label(HouseholdStatus),
  },
  {
    key: 'attribute',
    header: HOUSEHOLD_SHEET_HEADERS.attribute,
    scope: 'household',
    hint: '',
    parse: label(PovertyAttribute),
  },
  {
    key: 'mainCause',
    header: HOUSEHOLD_SHEET_HEADERS.mainCause,
    scope: 'household',
    hint: '',
    parse: label(PovertyCause),
  },
  {
    key: 'otherCauses',
    header: HOUSEHOLD_SHEET_HEADERS.otherCauses,
    scope: 'household',
    hint: '可填多个，用顿号「、」分隔',
    parse: causes,
  },
  ...GUARANTEES.map(guaranteeColumn),
  {
    key: 'housingGrade',
    header: HOUSEHOLD_SHEET_HEADERS.housingGrade,
    scope: 'household',
    hint: 'A级、B级、C级、D级',
    parse: label(HousingSafetyGrade),
  },
  {
    key: 'identificationYear',
    header: HOUSEHOLD_SHEET_HEADERS.identificationYear,
    scope: 'household',
    hint: '四位年份',
    parse: integer(2000, 2100),
  },
  {
    key: 'exitYear',
    header: HOUSEHOLD_SHEET_HEADERS.exitYear,
    scope: 'household',
    hint: '四位年份',
    parse: integer(2000, 2100),
  },
  {
    key: 'partyMember',
    header: HOUSEHOLD_SHEET_HEADERS.partyMember,
    scope: 'household',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'income.year',
    header: HOUSEHOLD_SHEET_HEADERS['income.year'],
    scope: 'household',
    hint: '填写收入时必填',
    parse: integer(2000, 2100),
  },
  {
    key: 'income.wagesFen',
    header: HOUSEHOLD_SHEET_HEADERS['income.wagesFen'],
    scope: 'household',
    hint: '全年，元，最多两位小数',
    parse: yuan,
  },
  {
    key: 'income.productionFen',
    header: HOUSEHOLD_SHEET_HEADERS['income.productionFen'],
    scope: 'household',
    hint: '',
    parse: yuan,
  },
  {
    key: 'income.propertyFen',
    header: HOUSEHOLD_SHEET_HEADERS['income.propertyFen'],
    scope: 'household',
    hint: '',
    parse: yuan,
  },
  {
    key: 'income.transferFen',
    header: HOUSEHOLD_SHEET_HEADERS['income.transferFen'],
    scope: 'household',
    hint: '',
    parse: yuan,
  },
  {
    key: 'member.name',
    header: HOUSEHOLD_SHEET_HEADERS['member.name'],
    scope: 'member',
    required: true,
    hint: '',
    parse: text(50),
  },
  {
    key: 'member.idNumber',
    header: HOUSEHOLD_SHEET_HEADERS['member.idNumber'],
    scope: 'member',
    required: true,
    width: 21,
    hint: '18位第二代身份证号，单元格设为文本格式',
    parse: idText,
  },
  {
    key: 'member.relation',
    header: HOUSEHOLD_SHEET_HEADERS['member.relation'],
    scope: 'member',
    required: true,
    hint: '户主、配偶、子、女……',
    parse: label(Relation),
  },
  {
    key: 'member.sex',
    header: HOUSEHOLD_SHEET_HEADERS['member.sex'],
    scope: 'member',
    hint: '可留空，按身份证号推算',
    parse: label(Sex),
  },
  {
    key: 'member.birthDate',
    header: HOUSEHOLD_SHEET_HEADERS['member.birthDate'],
    scope: 'member',
    hint: '可留空，按身份证号推算；填写则须一致',
    parse: date,
  },
  {
    key: 'member.ethnicity',
    header: HOUSEHOLD_SHEET_HEADERS['member.ethnicity'],
    scope: 'member',
    hint: '汉族、苗族……',
    parse: label(Ethnicity),
  },
  {
    key: 'member.educationLevel',
    header: HOUSEHOLD_SHEET_HEADERS['member.educationLevel'],
    scope: 'member',
    hint: '',
    parse: label(EducationLevel),
  },
  {
    key: 'member.inSchool',
    header: HOUSEHOLD_SHEET_HEADERS['member.inSchool'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.schoolStage',
    header: HOUSEHOLD_SHEET_HEADERS['member.schoolStage'],
    scope: 'member',
    hint: '学前、小学、初中、高中、中职、高职/大专、本科',
    parse: label(SchoolStage),
  },
  {
    key: 'member.health',
    header: HOUSEHOLD_SHEET_HEADERS['member.health'],
    scope: 'member',
    hint: '',
    parse: label(HealthStatus),
  },
  {
    key: 'member.disabilityGrade',
    header: HOUSEHOLD_SHEET_HEADERS['member.disabilityGrade'],
    scope: 'member',
    hint: '一级–四级',
    parse: label(DisabilityGrade),
  },
  {
    key: 'member.labourCapacity',
    header: HOUSEHOLD_SHEET_HEADERS['member.labourCapacity'],
    scope: 'member',
    hint: '',
    parse: label(LabourCapacity),
  },
  {
    key: 'member.migrantWork.working',
    header: HOUSEHOLD_SHEET_HEADERS['member.migrantWork.working'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.migrantWork.place',
    header: HOUSEHOLD_SHEET_HEADERS['member.migrantWork.place'],
    scope: 'member',
    hint: '',
    parse: text(100),
  },
  {
    key: 'member.migrantWork.months',
    header: HOUSEHOLD_SHEET_HEADERS['member.migrantWork.months'],
    scope: 'member',
    hint: '0–12',
    parse: integer(0, 12),
  },
  {
    key: 'member.medicalInsurance',
    header: HOUSEHOLD_SHEET_HEADERS['member.medicalInsurance'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.pensionInsurance',
    header: HOUSEHOLD_SHEET_HEADERS['member.pensionInsurance'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.minimumAllowance',
    header: HOUSEHOLD_SHEET_HEADERS['member.minimumAllowance'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.destituteSupport',
    header: HOUSEHOLD_SHEET_HEADERS['member.destituteSupport'],
    scope: 'member',
    hint: '是/否',
    parse: yesNo,
  },
  {
    key: 'member.phone',
    header: HOUSEHOLD_SHEET_HEADERS['member.phone'],
    scope: 'member',
    width: 14,
    hint: '',
    parse: text(30),
  },
];
