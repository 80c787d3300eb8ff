import {
  AppError,
  type Bilingual,
  badRequest,
  bi,
  countyWide,
  type CsvEncoding,
  type Principal,
  readSmallTable,
  type ScopedRepository,
  type SmallTable,
} from '@fupin/kit';
import {
  AreaLevel,
  fromLabel,
  normaliseAreaCode,
  parentCode as parentOf,
  MAX_VILLAGER_GROUP_NO,
} from '@fupin/reference';
import type { Area } from './area.model';
import type { AreaService } from './area.service';

type TableRow = SmallTable['rows'][number];

/** The file's areas are in the caller's scope (checked per row); their parents may lie above it. */
const ROWS_AND_PARENTS = countyWide("an imported area's parent is looked up wherever it lies");

/** Why a row of the file was not stored: its row number, the column, a reason in both languages. */
export interface RowRejection {
  row: number;
  column: string;
  code: string;
  message: Bilingual;
}

export interface AreaImportReport {
  format: 'csv' | 'xlsx';
  encoding: CsvEncoding | null;
  rows: number;
  areas: { created: number; updated: number; unchanged: number };
  groups: { created: number; updated: number; unchanged: number };
  rejected: number;
  rejections: RowRejection[];
}

/** Where villager groups are kept (the village facts); the import only needs this much. */
export interface VillagerGroupStore {
  upsertGroups(
    p: Principal,
    villageCode: string,
    groups: { no: number; name: string }[],
  ): Promise<Map<number, 'created' | 'updated' | 'unchanged'>>;
}

type Key = 'code' | 'name' | 'level' | 'parentCode' | 'groupNo';

/** The columns, as the county's spreadsheets head them. */
const HEADERS: Record<Key, { label: string; aliases: string[]; required: boolean }> = {
  code: {
    label: '区划代码',
    aliases: ['区划代码', '统计用区划代码', '地区代码', '代码', 'code', 'areacode'],
    required: true,
  },
  name: { label: '名称', aliases: ['名称', '区划名称', '地区名称', 'name'], required: true },
  level: { label: '级别', aliases: ['级别', '层级', '区划级别', 'level'], required: false },
  parentCode: {
    label: '上级代码',
    aliases: ['上级代码', '上级区划代码', 'parentcode', 'parent'],
    required: false,
  },
  groupNo: {
    label: '村民小组',
    aliases: ['村民小组', '村民小组编号', '组号', '小组编号', 'groupno', 'group'],
    required: false,
  },
};

const comparable = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const LEVEL_ORDER: Record<string, number> = { county: 0, township: 1, village: 2 };

interface AreaRow {
  row: number;
  code: string;
  name: string;
  level: Area['level'];
}
interface GroupRow {
  row: number;
  villageCode: string;
  no: number;
  name: string;
}

/**
 * 区划导入 — loads the area tree (county → township → village → villager group) from a CSV
 * (UTF-8, UTF-8 with BOM, or GBK) or XLSX file. Good rows are stored, bad rows are reported
 * with their row number, column and reason; importing the same file again changes nothing.
 */
export class AreaTreeImport {
  constructor(
    private readonly deps: {
      areas: ScopedRepository<Area>;
      service: AreaService;
      groups: VillagerGroupStore;
    },
  ) {}

  async run(p: Principal, file: Buffer): Promise<AreaImportReport> {
    const table = await readSmallTable(file);
    const [header, ...body] = table.rows;
    if (!header)
      throw badRequest('REGISTRY_AREA_IMPORT_EMPTY', bi('文件中没有数据', 'The file has no rows'));
    const columns = this.columnsOf(header);
    const rejections: RowRejection[] = [];
    const reject = (row: number, key: Key, code: string, message: Bilingual) =>
      rejections.push({ row, column: HEADERS[key].label, code, message });

    const areaRows: AreaRow[] = [];
    const groupRows: GroupRow[] = [];
    const firstRowOf = new Map<string, number>();
    for (const r of body) {
      const parsed = this.parseRow(p, r, columns, reject);
      if (!parsed) continue;
      const key = 'no' in parsed ? `${parsed.villageCode}#${parsed.no}` : parsed.code;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        reject(
          r.row,
          'no' in parsed ? 'groupNo' : 'code',
          'duplicate',
          bi(`与第 ${first} 行重复`, `duplicates row ${first}`),
        );
        continue;
      }
      firstRowOf.set(key, r.row);
      if ('no' in parsed) groupRows.push(parsed);
      else areaRows.push(parsed);
    }

    const report: AreaImportReport = {
      format: table.format,
      encoding: table.encoding,
      rows: body.length,
      areas: { created: 0, updated: 0, unchanged: 0 },
      groups: { created: 0, updated: 0, unchanged: 0 },
      rejected: 0,
      rejections,
    };
    await this.storeAreas(p, areaRows, report, reject);
    await this.storeGroups(p, groupRows, report, reject);
    report.rejected = new Set(rejections.map((r) => r.row)).size;
    rejections.sort((a, b) => a.row - b.row);
    return report;
  }

  private columnsOf(header: TableRow): Partial<Record<Key, number>> {
    const columns: Partial<Record<Key, number>> = {};
    header.cells.forEach((cell, i) => {
      const text = comparable(cell);
      for (const [key, def] of Object.entries(HEADERS) as [Key, (typeof HEADERS)[Key]][]) {
        if (columns[key] === undefined && def.aliases.some((a) => comparable(a) === text))
          columns[key] = i;
      }
    });
    const missing = (Object.keys(HEADERS) as Key[]).filter(
      (k) => HEADERS[k].required && columns[k] === undefined,
    );
    if (missing.length) {
      const names = missing.map((k) => HEADERS[k].label).join('、');
      throw badRequest(
        'REGISTRY_AREA_IMPORT_HEADER',
        bi(
          `第 ${header.row} 行应为表头，缺少列：${names}`,
          `Row ${header.row} should be the header; missing columns: ${missing.join(', ')}`,
        ),
        missing.map((k) => ({
          field: HEADERS[k].label,
          code: 'missing_column',
          message: bi(`缺少「${HEADERS[k].label}」列`, `the "${k}" column is missing`),
        })),
      );
    }
    return columns;
  }

  private parseRow(
    p: Principal,
    r: TableRow,
    columns: Partial<Record<Key, number>>,
    reject: (row: number, key: Key, code: string, message: Bilingual) => void,
  ): AreaRow | GroupRow | null {
    const cell = (k: Key) => {
      const i = columns[k];
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const before = { count: 0 };
    const fail = (k: Key, code: string, message: Bilingual) => {
      before.count++;
      reject(r.row, k, code, message);
    };

    const rawCode = cell('code');
    let code: string | null = null;
    let level: Area['level'] | null = null;
    if (/^\d(\.\d+)?e\+?\d+$/i.test(rawCode)) {
      fail(
        'code',
        'scientific_notation',
        bi(
          `区划代码「${rawCode}」被 Excel 转成了科学计数法，请将该列设为文本后重新填写`,
          `The area code "${rawCode}" was turned into scientific notation by Excel; format the column as text and re-enter it`,
        ),
      );
    } else {
      const parsed = normaliseAreaCode(rawCode);
      if (!parsed.ok) fail('code', parsed.code, bi(parsed.reason.zh, parsed.reason.en));
      else if (parsed.level === 'province' || parsed.level === 'city') {
        fail(
          'code',
          'level_not_kept',
          bi(
            '只导入县、乡镇、村三级（省、市不在本平台维护）',
            'Only counties, townships and villages are imported (provinces and cities are not kept here)',
          ),
        );
      } else if (!this.deps.areas.contains(p, { code: parsed.value })) {
        fail(
          'code',
          'FORBIDDEN_AREA',
          bi(`${parsed.value} 不在您的管辖范围内`, `${parsed.value} is outside your area scope`),
        );
      } else {
        code = parsed.value;
        level = parsed.level;
      }
    }

    const name = cell('name');
    if (name === '') fail('name', 'required', bi('名称不能为空', 'the name is required'));
    else if ([...name].length > 100)
      fail('name', 'too_long', bi('名称不能超过100个字符', 'the name is at most 100 characters'));

    const levelText = cell('level');
    if (levelText !== '' && level !== null) {
      const stated = fromLabel(AreaLevel, levelText);
      if (stated !== level) {
        fail(
          'level',
          'level_mismatch',
          bi(
            `级别「${levelText}」与区划代码不符（代码表示${AreaLevel[level].zh}）`,
            `The level "${levelText}" does not match the code (the code is a ${AreaLevel[level].en.toLowerCase()})`,
          ),
        );
      }
    }

    const parentText = cell('parentCode');
    if (parentText !== '' && code !== null) {
      const stated = normaliseAreaCode(parentText);
      const expected = parentOf(code);
      if (!stated.ok || stated.value !== expected) {
        fail(
          'parentCode',
          'parent_mismatch',
          bi(
            `上级代码「${parentText}」与区划代码不符，应为 ${expected}`,
            `The parent code "${parentText}" does not match the area code; it should be ${expected}`,
          ),
        );
      }
    }

    const groupText = cell('groupNo');
    let groupNo: number | null = null;
    if (groupText !== '') {
      const n = Number(groupText);
      if (!Number.isInteger(n) || n < 1 || n > MAX_VILLAGER_GROUP_NO) {
        fail(
          'groupNo',
          'invalid',
          bi(
            `村民小组编号应为1至${MAX_VILLAGER_GROUP_NO}的整数：${groupText}`,
            `A villager group number is a whole number from 1 to ${MAX_VILLAGER_GROUP_NO}: ${groupText}`,
          ),
        );
      } else if (level !== null && level !== 'village') {
        fail(
          'groupNo',
          'not_village',
          bi('村民小组只能设在村下', 'A villager group can only sit under a village'),
        );
      } else groupNo = n;
    }

    if (before.count > 0 || code === null || level === null) return null;
    if (groupNo !== null) return { row: r.row, villageCode: code, no: groupNo, name };
    return { row: r.row, code, name, level };
  }

  private async storeAreas(
    p: Principal,
    rows: AreaRow[],
    report: AreaImportReport,
    reject: (row: number, key: Key, code: string, message: Bilingual) => void,
  ): Promise<void> {
    const ordered = [...rows].sort((a, b) => LEVEL_ORDER[a.level]! - LEVEL_ORDER[b.level]!);
    const rowOf = new Map(rows.map((r) => [r.code, r.row]));
    const codes = [...new Set(rows.flatMap((r) => [r.code, parentOf(r.code) ?? r.code]))];
    const existing = new Map(
      (await this.deps.areas.find(ROWS_AND_PARENTS, { _id: { $in: codes } })).map((a) => [
        a.code,
        a,
      ]),
    );
    const failed = new Set<string>();
    for (const r of ordered) {
      const parent = parentOf(r.code);
      const current = existing.get(r.code);
      if (!current && r.level !== 'county' && parent) {
        const parentArea = existing.get(parent);
        if (failed.has(parent)) {
          failed.add(r.code);
          reject(
            r.row,
            'code',
            'parent_rejected',
            bi(
              `上级地区 ${parent}（第 ${rowOf.get(parent)} 行）未能导入`,
              `The parent area ${parent} (row ${rowOf.get(parent)}) was not imported`,
            ),
          );
          continue;
        }
        if (!parentArea || parentArea.status !== 'active') {
          failed.add(r.code);
          reject(
            r.row,
            'code',
            'parent_missing',
            bi(
              `上级地区 ${parent} 不存在或已撤销，请在文件中加入该行`,
              `The parent area ${parent} does not exist or is retired; add its row to the file`,
            ),
          );
          continue;
        }
      }
      try {
        if (!current) {
          const created = await this.deps.service.create(p, { code: r.code, name: r.name });
          existing.set(r.code, { ...created, _id: created.id } as Area);
          report.areas.created++;
        } else if (current.name !== r.name) {
          await this.deps.service.update(p, r.code, { name: r.name });
          report.areas.updated++;
        } else report.areas.unchanged++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        failed.add(r.code);
        reject(r.row, 'code', err.code, err.messages);
      }
    }
  }

  private async storeGroups(
    p: Principal,
    rows: GroupRow[],
    report: AreaImportReport,
    reject: (row: number, key: Key, code: string, message: Bilingual) => void,
  ): Promise<void> {
    const byVillage = new Map<string, GroupRow[]>();
    for (const r of rows)
      byVillage.set(r.villageCode, [...(byVillage.get(r.villageCode) ?? []), r]);
    for (const [village, groups] of byVillage) {
      try {
        const outcome = await this.deps.groups.upsertGroups(
          p,
          village,
          groups.map((g) => ({ no: g.no, name: g.name })),
        );
        for (const o of outcome.values()) report.groups[o]++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const message =
          err.code === 'REGISTRY_VILLAGE_NOT_FOUND'
            ? bi(
                `村 ${village} 不存在，请先导入该村`,
                `The village ${village} does not exist; import it first`,
              )
            : err.messages;
        for (const g of groups) reject(g.row, 'code', err.code, message);
      }
    }
  }
}
