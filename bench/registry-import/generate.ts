import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  computeCheckDigit,
  HealthStatus,
  HouseholdStatus,
  LabourCapacity,
  labelOf,
  PovertyAttribute,
  PovertyCause,
  Relation,
  Sex,
  type EnumDefinition,
} from '@fupin/reference';
import ExcelJS from 'exceljs';
import { COLUMN_BY_KEY, DATA_SHEET } from '../../services/registry/src/imports/household-sheet';
import { TOWNSHIPS, villagesOf } from '../registry-list/seed';

/**
 * The household workbook an import bench reads: `households` households of 1–6 members
 * (3.5 on average — a pair of households always has 7), every value deterministic, every ID
 * number a valid GB 11643 number unique in the file and agreeing with the stated birth date
 * and sex. Written straight to disk, streamed, so the generator itself stays small.
 */

/** The sheet's columns by the import's keys; the headers are the template's own. */
const KEYS = [
  'householdNo',
  'areaCode',
  'groupNo',
  'phone',
  'bankName',
  'bankAccount',
  'status',
  'attribute',
  'mainCause',
  'otherCauses',
  'identificationYear',
  'partyMember',
  'income.year',
  'income.wagesFen',
  'income.productionFen',
  'income.transferFen',
  'member.name',
  'member.idNumber',
  'member.relation',
  'member.sex',
  'member.birthDate',
  'member.health',
  'member.labourCapacity',
  'member.migrantWork.working',
  'member.medicalInsurance',
] as const;
export const HEADERS = KEYS.map((k) => {
  const c = COLUMN_BY_KEY.get(k);
  if (!c) throw new Error(`the household sheet has no column ${k}`);
  return c.header;
});

type Value = string | number | null;

/** A deterministic pseudo-random sequence per household, so two runs write the same file. */
function rng(seed: number) {
  let s = (seed * 2654435761) >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const zh = (e: EnumDefinition, code: string) => labelOf(e, code, 'zh-CN');
const yuan = (fen: number) => (fen / 100).toFixed(2);

const STATUSES = ['in_poverty', 'exited', 'exited', 'exited', 'returned', 'unstable', 'marginal'];
const ATTRIBUTES = Object.keys(PovertyAttribute);
const CAUSES = Object.keys(PovertyCause);
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'建国秀英小花明华志强红梅海燕文军桂兰德福玉珍'];
const HEALTH = ['healthy', 'healthy', 'healthy', 'chronic_illness', 'serious_illness'];
const LABOUR = ['ordinary', 'ordinary', 'weak', 'none'].filter((c) => c in LabourCapacity);

/** Birth days span 1940-01-01 to 2014; the stride below (a prime) permutes them. */
const DAYS = 27_397;
const DAY0 = Date.UTC(1940, 0, 1);

/**
 * The n-th member's ID number: the birth day from a stride through DAYS, the order code from
 * the round through them, so no two n below 2.7 million share one.
 */
export function memberId(n: number, sex: 'male' | 'female') {
  const day = (n * 7919) % DAYS;
  const round = Math.floor(n / DAYS);
  const birth = new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
  // Order code: two digits from the round, the third odd for men and even for women.
  const order = `${String(round % 100).padStart(2, '0')}${(n % 5) * 2 + (sex === 'male' ? 1 : 0)}`;
  const first17 = `431121${birth.replace(/-/g, '')}${order}`;
  return { id: first17 + computeCheckDigit(first17), birth };
}

/** Members in household i: pairs of households have 7 between them. */
export function sizeOf(i: number): number {
  const a = 1 + Math.floor(rng(Math.floor(i / 2) + 7)() * 6);
  return i % 2 === 0 ? a : 7 - a;
}

/** The sheet rows of household i, its first member numbered `firstMember`. */
export function householdRows(i: number, firstMember: number): Value[][] {
  const r = rng(i + 1);
  const township = TOWNSHIPS[i % TOWNSHIPS.length]!;
  const village = villagesOf(township)[Math.floor(i / TOWNSHIPS.length) % 20]!;
  const surname = pick(r, SURNAMES);
  const mainCause = pick(r, CAUSES);
  const other = pick(r, CAUSES);
  const household: Value[] = [
    `BI${String(i).padStart(8, '0')}`,
    village,
    1 + Math.floor(r() * 8),
    `139${String(10_000_000 + ((i * 7_919) % 89_999_999)).padStart(8, '0')}`,
    '农村信用合作社',
    `622848${String(i).padStart(13, '0')}`,
    zh(HouseholdStatus, pick(r, STATUSES)),
    zh(PovertyAttribute, pick(r, ATTRIBUTES)),
    zh(PovertyCause, mainCause),
    other === mainCause ? null : zh(PovertyCause, other),
    2014 + Math.floor(r() * 3),
    r() < 0.03 ? '是' : '否',
    2019,
    yuan(Math.floor(r() * 2_000_000)),
    yuan(Math.floor(r() * 800_000)),
    yuan(Math.floor(r() * 400_000)),
  ];
  return Array.from({ length: sizeOf(i) }, (_, m) => {
    const sex = m === 0 ? 'male' : m === 1 ? 'female' : r() < 0.5 ? 'male' : 'female';
    const { id, birth } = memberId(firstMember + m, sex);
    const relation = m === 0 ? 'head' : m === 1 ? 'spouse' : sex === 'male' ? 'son' : 'daughter';
    return [
      ...household,
      surname + pick(r, GIVEN) + pick(r, GIVEN),
      id,
      zh(Relation, relation),
      zh(Sex, sex),
      birth,
      zh(HealthStatus, pick(r, HEALTH)),
      zh(LabourCapacity, pick(r, LABOUR)),
      r() < 0.3 ? '是' : '否',
      '是',
    ];
  });
}

/** Every row of the sheet in order, with the running member count. */
export function* sheetRows(households: number): Generator<Value[]> {
  let member = 0;
  for (let i = 0; i < households; i++) {
    const rows = householdRows(i, member);
    member += rows.length;
    yield* rows;
  }
}

/** Writes the workbook (the template's data sheet and headers) to `path`; returns its rows. */
export async function writeWorkbook(path: string, households: number): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(DATA_SHEET);
  ws.addRow(HEADERS).commit();
  let n = 0;
  for (const row of sheetRows(households)) {
    ws.addRow(row).commit();
    n++;
  }
  await ws.commit();
  await wb.commit();
  return n;
}

/** The same rows as a UTF-8 CSV (no value needs quoting except by the general rule). */
export async function writeCsv(path: string, households: number): Promise<number> {
  const out = createWriteStream(path);
  const line = (cells: Value[]) =>
    cells
      .map((c) => {
        const s = c === null ? '' : String(c);
        return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\n';
  let n = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(line(HEADERS));
  for (const row of sheetRows(households)) {
    await write(line(row));
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}
