import { HOUSEHOLD_SHEET_HEADERS } from '@fupin/contracts';
import { computeCheckDigit } from '@fupin/reference';
import type { Session } from '../client';
import { COUNTY_NAME, type DemoCounty } from '../county';
import type { DemoPlugin, SeedContext } from '../plugin';

/**
 * The import report as a county office meets it: a 补录 (late registration) file with a title
 * row above its header, one good household (its 两不愁三保障 cells left blank: unknown, not met),
 * one household with two 户主 and one under a village code that is no village of the county's
 * area tree. The report (导入任务 → this file) shows both refused households row by row under
 * the file's sheet, their other rows marked as refused because of them.
 */

const FILE_NAME = `${COUNTY_NAME}-补录花名册（含错误示例）.csv`;

interface ImportJob {
  id: string;
  fileName: string;
  status: string;
  counts: { householdsCreated: number; householdsRejected: number; rowsRejected: number };
  error: { message: { 'zh-CN': string } } | null;
}

/**
 * ID numbers of people nobody else in the demo county has: the county's generator numbers
 * each birth date's people from 001 upwards, these take the top of the range.
 */
function idNumber(birthDate: string, n: number): string {
  const first17 = `431121${birthDate.replace(/-/g, '')}${990 + n}`;
  return `${first17}${computeCheckDigit(first17)}`;
}

/** A well-formed village code of a township of the county that its area tree does not have. */
function unknownVillage(county: DemoCounty): { code: string; townshipCode: string } {
  const township = county.townships[0]!.code;
  const known = new Set(county.villages.map((v) => v.code));
  for (let n = 299; n > 200; n--) {
    const code = `${township.slice(0, 9)}${n}`;
    if (!known.has(code)) return { code, townshipCode: township };
  }
  throw new Error('no free village code in the first township');
}

const H = HOUSEHOLD_SHEET_HEADERS;
const COLUMNS = [
  H.householdNo,
  H.areaCode,
  H['member.name'],
  H['member.idNumber'],
  H['member.relation'],
  H['member.birthDate'],
  H['guarantees.food'],
  H['guarantees.housing_safety'],
] as const;

type Row = [string, string, string, string, string, string, string, string];

function member(
  no: string,
  village: string,
  name: string,
  relation: string,
  birth: string,
  n: number,
): Row {
  return [no, village, name, idNumber(birth, n), relation, birth, '', ''];
}

/** The file: a title row, the header, then the three households (rows 3–9 as Excel numbers them). */
export function lateRegistrationCsv(county: DemoCounty): string {
  const good = county.villages[0]!.code;
  const nowhere = unknownVillage(county).code;
  const rows: Row[] = [
    // Stored: its guarantee cells are blank, so the guarantees are unknown.
    member('BL-0001', good, '龙秀梅', '户主', '1938-03-12', 1),
    member('BL-0001', good, '龙德顺', '之子', '1966-08-21', 1),
    // Refused: two 户主 (row 6 is the second).
    member('BL-0002', good, '石开明', '户主', '1941-05-02', 1),
    member('BL-0002', good, '石开亮', '户主', '1944-11-19', 1),
    member('BL-0002', good, '石小兰', '之女', '1972-02-14', 2),
    // Refused: its 行政村代码 is well formed and in the county but no village of the area tree.
    member('BL-0003', nowhere, '田光荣', '户主', '1939-09-30', 1),
    member('BL-0003', nowhere, '田桂英', '配偶', '1940-01-07', 2),
  ];
  const line = (cells: readonly string[]) => `${cells.join(',')}\r\n`;
  return line([`${COUNTY_NAME}建档立卡贫困户补录花名册`]) + line(COLUMNS) + rows.map(line).join('');
}

async function jobs(office: Session): Promise<ImportJob[]> {
  const res = await office.get<ImportJob[]>('/api/registry/imports', {
    range: '[0,199]',
    sort: JSON.stringify(['createdAt', 'DESC']),
  });
  return Array.isArray(res.body) ? res.body : [];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const registryImportsPlugin: DemoPlugin = {
  name: 'registry-imports',
  probe: '/api/registry/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await jobs(office)).some((j) => j.fileName === FILE_NAME);
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const started = await office.request<ImportJob>('POST', '/api/registry/imports/households', {
      body: lateRegistrationCsv(ctx.county),
      contentType: 'text/csv',
      query: { fileName: FILE_NAME },
    });
    // The registry's queue works through the county's own files first.
    for (let i = 0; i < 600; i++) {
      const job = (await office.get<ImportJob>(`/api/registry/imports/${started.body.id}`)).body;
      if (job.status === 'failed')
        throw new Error(`import ${FILE_NAME} failed: ${job.error?.message['zh-CN'] ?? ''}`);
      if (job.status === 'completed') {
        const c = job.counts;
        if (c.householdsRejected !== 2)
          throw new Error(
            `import ${FILE_NAME}: expected 2 refused households, ${JSON.stringify(c)}`,
          );
        ctx.log(
          `  late registration: ${c.householdsCreated} stored, ${c.householdsRejected} refused (${c.rowsRejected} rows in the report)`,
        );
        return;
      }
      await sleep(1000);
    }
    throw new Error(`import ${FILE_NAME} did not finish within 10 minutes`);
  },
};
