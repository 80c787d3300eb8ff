import type { Writable } from 'node:stream';
import { type EnumDefinition, labelOf } from '@fupin/reference';
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
import ExcelJS from 'exceljs';
import type { Household, Member, PersonalValue } from '../households/household.model';
import { COLUMNS } from './household-columns';
import { CODE_LISTS, CODES_SHEET, DATA_SHEET, INSTRUCTIONS_SHEET } from './household-sheet';
import type { RejectedRow } from './household-rows';

/** Writing household workbooks (template, export, import report), streamed with WorkbookWriter. */

const TEXT_KEYS = new Set([
  'householdNo',
  'areaCode',
  'bankAccount',
  'phone',
  'member.idNumber',
  'member.phone',
]);

function addDataSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter) {
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: c.width ?? Math.max(10, [...c.header].length * 2 + 2),
    // Text format keeps ID numbers and account numbers from turning into 4.3e17.
    ...(TEXT_KEYS.has(c.key) ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

const INSTRUCTIONS: string[] = [
  '贫困户与家庭成员导入模板 · Household and member import template',
  '',
  '一、表格结构：「户与成员」表每一行是一名家庭成员，户的信息（户编号至转移性收入各列）在该户每一行重复填写，或只在该户第一行填写、后续行留空。',
  '    同一户的各行必须连续排列。这样一张表即可导入，系统按顺序逐户读取，文件再大也不必整表载入。',
  '    One row per member; the household columns are repeated on each of its rows (or filled on its first row only). A household’s rows must be consecutive.',
  '二、带 * 的列必填：户编号、行政村代码、成员姓名、身份证号、与户主关系。',
  '三、身份证号、银行账号、行政村代码请设为文本格式，避免 Excel 改成科学计数法或把末几位变成 0。',
  '四、选项列填写中文名称（见「代码表」），如「低保贫困户」「因病」「户主」「小学」；是否类填「是」或「否」。',
  '五、收入单位为元，最多两位小数；填写任一收入时必须填写收入年度。',
  '六、模板中的列都按表中内容更新（留空即为「无」或「否」）；删掉的列则保留系统中原有的值。「两不愁三保障」各列填「是/达标」或「否/未达标」，不清楚请留空：留空为「未知」，不视为达标。',
  '七、按户编号新建或更新：已有的户按表格更新，表中没有的成员会被标记为移出；重复导入同一文件不会产生重复数据。',
  '八、「贫困户状态」仅在新建户时使用（需要审批权限）；留空则为「待识别」。状态变化请通过识别、退出等流程办理。',
  '九、有错误的行不会导入，该户其余各行也不导入（不会出现只导入一半的户），报告中同样列出并注明「同户第N行有误，整户未导入」；其他户照常导入。导入结束后可查看或下载错误报告（表、行号、列、原因），按行号排列。',
  '　　每户须有且只有一名成员的「与户主关系」为「户主」；行政村代码须是区划管理中已有的行政村。表头上方可以有标题行，表头也可占两行（合并单元格的分组标题）。',
  '十、也可以上传 CSV 文件（UTF-8 或 GBK 编码，表头与本表相同）。',
  '',
  '各列说明：',
];

/** The empty workbook to fill in: instructions, the data sheet with its headers, and the code lists. */
export async function writeTemplate(out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const info = wb.addWorksheet(INSTRUCTIONS_SHEET);
  info.getColumn(1).width = 28;
  info.getColumn(2).width = 100;
  for (const line of INSTRUCTIONS) info.addRow([line]).commit();
  for (const c of COLUMNS) info.addRow([c.required ? `${c.header}*` : c.header, c.hint]).commit();
  await info.commit();

  const data = addDataSheet(wb);
  await data.commit();

  const codes = wb.addWorksheet(CODES_SHEET);
  const lists = CODE_LISTS.map(([, e]) => Object.values(e).map((v) => v.zh));
  codes.addRow(CODE_LISTS.map(([h]) => h)).commit();
  const depth = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < depth; i++) codes.addRow(lists.map((l) => l[i] ?? null)).commit();
  await codes.commit();
  await wb.commit();
}

type Show = (v: PersonalValue | null) => string | null;

function lbl(e: EnumDefinition, code: string | null): string | null {
  if (code === null) return null;
  try {
    return labelOf(e, code, 'zh-CN');
  } catch {
    return code;
  }
}

const yn = (b: boolean | null | undefined) =>
  b === null || b === undefined ? null : b ? '是' : '否';
const yuan = (fen: number | undefined) => (fen === undefined ? null : fen / 100);

/** A row of the data sheet for one member, in the import's own columns (so an export re-imports). */
function rowOf(h: Household, m: Member, show: Show): Record<string, unknown> {
  const r: Record<string, unknown> = {
    householdNo: h.householdNo,
    areaCode: h.areaCode,
    groupNo: h.groupNo,
    address: h.address,
    phone: show(h.phone),
    bankName: h.bankName,
    bankAccount: show(h.bankAccount),
    status: h.status in HouseholdStatus ? lbl(HouseholdStatus, h.status) : null,
    attribute: lbl(PovertyAttribute, h.attribute),
    mainCause: lbl(PovertyCause, h.mainCause),
    otherCauses: h.otherCauses.map((c) => lbl(PovertyCause, c)).join('、'),
    housingGrade: lbl(HousingSafetyGrade, h.housingGrade),
    identificationYear: h.identificationYear,
    exitYear: h.exitYear,
    partyMember: yn(h.partyMember),
    'income.year': h.income?.year ?? null,
    'income.wagesFen': yuan(h.income?.wagesFen),
    'income.productionFen': yuan(h.income?.productionFen),
    'income.propertyFen': yuan(h.income?.propertyFen),
    'income.transferFen': yuan(h.income?.transferFen),
    'member.name': m.name,
    'member.idNumber': show(m.idNumber),
    'member.relation': lbl(Relation, m.relation),
    'member.sex': lbl(Sex, m.sex),
    'member.birthDate': m.birthDate,
    'member.ethnicity': lbl(Ethnicity, m.ethnicity),
    'member.educationLevel': lbl(EducationLevel, m.educationLevel),
    'member.inSchool': yn(m.inSchool),
    'member.schoolStage': lbl(SchoolStage, m.schoolStage),
    'member.health': lbl(HealthStatus, m.health),
    'member.disabilityGrade': lbl(DisabilityGrade, m.disabilityGrade),
    'member.labourCapacity': lbl(LabourCapacity, m.labourCapacity),
    'member.migrantWork.working': yn(m.migrantWork?.working),
    'member.migrantWork.place': m.migrantWork?.place ?? null,
    'member.migrantWork.months': m.migrantWork?.months ?? null,
    'member.medicalInsurance': yn(m.medicalInsurance),
    'member.pensionInsurance': yn(m.pensionInsurance),
    'member.minimumAllowance': yn(m.minimumAllowance),
    'member.destituteSupport': yn(m.destituteSupport),
    'member.phone': show(m.phone),
  };
  // Met 是, not met 否, unknown left blank (as an import reads it back).
  for (const [g, v] of Object.entries(h.guarantees))
    r[`guarantees.${g}`] = v.state === 'met' ? '是' : v.state === 'not_met' ? '否' : null;
  return r;
}

/**
 * Streams households into a workbook, a row per active member; `beforeBatch` runs before each
 * batch is written, and once (with no households) when there are none.
 */
export async function writeHouseholds(
  out: Writable,
  households: AsyncIterable<Household>,
  opts: { show: Show; batchSize: number; beforeBatch: (batch: Household[]) => Promise<void> },
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = addDataSheet(wb);
  let batch: Household[] = [];
  let n = 0;
  let batches = 0;
  const flush = async () => {
    // An export that matched nothing still runs `beforeBatch` once (it is audited too).
    if (!batch.length && batches > 0) return;
    batches++;
    await opts.beforeBatch(batch);
    for (const h of batch)
      for (const m of h.members.filter((x) => x.status === 'active'))
        ws.addRow(rowOf(h, m, opts.show)).commit();
    n += batch.length;
    batch = [];
  };
  for await (const h of households) {
    batch.push(h);
    if (batch.length >= opts.batchSize) await flush();
  }
  await flush();
  await ws.commit();
  await wb.commit();
  return n;
}

/** The rejected rows of an import as a workbook people can work through. */
export async function writeReport(out: Writable, rows: RejectedRow[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('错误报告');
  ws.columns = [
    { header: '工作表 Sheet', key: 'sheet', width: 14 },
    { header: '行号 Row', key: 'row', width: 10 },
    { header: '户编号 Household', key: 'householdNo', width: 16 },
    { header: '列 Column', key: 'column', width: 10 },
    { header: '列名 Header', key: 'header', width: 18 },
    { header: '代码 Code', key: 'code', width: 26 },
    { header: '原因', key: 'zh', width: 60 },
    { header: 'Reason', key: 'en', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    for (const e of r.errors)
      ws.addRow({
        sheet: r.sheet,
        row: r.row,
        householdNo: r.householdNo,
        column: e.column,
        header: e.header,
        code: e.code,
        zh: e.message['zh-CN'],
        en: e.message.en,
      }).commit();
  await ws.commit();
  await wb.commit();
}
