import { computeCheckDigit } from '@fupin/reference';
import ExcelJS from 'exceljs';
import { DATA_YEAR, type DemoCounty } from '../county';
import { givenName, type Sex, surname } from '../names';
import type { Random } from '../random';

// The files of the departments' own lists (issue 22) as county offices make them: CSV exports
// of their systems, and workbooks with merged title rows above the header; the residents on
// them who are not in the registry.

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Y = DATA_YEAR + 1;

/** Residents outside the registry, of the county (431121), numbered above its own people. */
export class Residents {
  private readonly used = new Set<string>();
  private seq = 599;
  constructor(private readonly r: Random) {}

  person(minAge: number, maxAge: number): { name: string; idNumber: string; sex: Sex } {
    const r = this.r;
    const sex: Sex = r.chance(0.5) ? 'male' : 'female';
    const birthYear = Y - r.int(minAge, maxAge);
    const birth = `${birthYear}${pad(r.int(1, 12))}${pad(r.int(1, 28))}`;
    // Odd sequence numbers for men, the even one above for women, as the ID standard has it.
    this.seq = this.seq >= 897 ? 601 : this.seq + 2;
    const seq = sex === 'male' ? this.seq : this.seq + 1;
    const first17 = `431121${birth}${String(seq).padStart(3, '0')}`;
    const idNumber = first17 + computeCheckDigit(first17);
    if (this.used.has(idNumber)) return this.person(minAge, maxAge);
    this.used.add(idNumber);
    return { name: `${surname(r)}${givenName(r, sex, birthYear)}`, idNumber, sex };
  }
}

export const pad = (n: number) => String(n).padStart(2, '0');
export const sexZh = (s: Sex) => (s === 'male' ? '男' : '女');
export const dayIn = (r: Random, months: number) =>
  `${Y}-${pad(r.int(1, months))}-${pad(r.int(1, 28))}`;
/** A first-generation (15-digit) number: no century, no check character. */
export const oldFormOf = (id: string) => `${id.slice(0, 6)}${id.slice(8, 17)}`;
/** Rows of people with nothing to find on a list: a dozen or so, more in a larger county. */
export const fillers = (county: DemoCounty) =>
  Math.min(120, Math.max(12, Math.round(county.people / 500)));
export const placeOf = (county: DemoCounty, areaCode: string) => {
  const t = county.townships.find((x) => x.code === `${areaCode.slice(0, 9)}000`)!;
  return { township: t.name, village: t.villages.find((v) => v.code === areaCode)?.name ?? '' };
};

export type Cell = string | number;
export const csv = (rows: Cell[][]) =>
  `\uFEFF${rows.map((r) => r.map((c) => String(c)).join(',')).join('\r\n')}\r\n`;

/** A sheet as a county office exports it: title rows merged across the table above the header. */
export async function titledWorkbook(
  sheet: string,
  titles: string[],
  header: string[],
  rows: Cell[][],
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  const last = String.fromCharCode(64 + header.length);
  titles.forEach((t, i) => {
    ws.addRow([t]);
    ws.mergeCells(`A${i + 1}:${last}${i + 1}`);
  });
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
