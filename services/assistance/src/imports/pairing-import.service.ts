import { randomUUID } from 'node:crypto';
import {
  AppError,
  bi,
  type ListQuery,
  notFound,
  type Principal,
  readSmallTable,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import type { HelperService } from '../helpers/helper.service';
import type { HouseholdDirectory } from '../households/household.directory';
import type { PairingService } from '../pairings/pairing.service';
import {
  type ImportCounts,
  type PairingImport,
  type RejectedRow,
  REPORT_LIMIT,
  type RowError,
} from './pairing-import.model';
import {
  COLUMNS,
  type ColumnKey,
  columnLetter,
  headerMap,
  type PairingRow,
  readRow,
} from './pairing-sheet';

export type ImportView = Omit<PairingImport, '_id'> & { id: string };

/** Which column an error of the pairing rules belongs to, for the row report. */
const FIELD_COLUMN: Record<string, ColumnKey> = {
  role: 'role',
  helperId: 'helperName',
  householdId: 'householdNo',
  startDate: 'startDate',
};

function view(i: PairingImport): ImportView {
  const { _id, ...rest } = i;
  return { id: _id, ...rest };
}

/**
 * 结对帮扶名单导入 — a county's pairing list (XLSX, or CSV in UTF-8 or GBK) read through the
 * kit's table reader. Each row pairs a cadre (registered on first sight) with a household;
 * a refused row changes nothing and is reported with its row number, column and reason.
 * Importing the same list again changes nothing.
 */
export class PairingImportService {
  constructor(
    private readonly deps: {
      /** Imports, in the scope of the area of the user who ran them. */
      imports: ScopedRepository<PairingImport>;
      helpers: HelperService;
      pairings: PairingService;
      households: HouseholdDirectory;
      now: () => Date;
    },
  ) {}

  async run(p: Principal, file: Buffer, fileName: string): Promise<ImportView> {
    const table = await readSmallTable(file);
    const [head, ...rows] = table.rows;
    const header = headerMap(head?.cells ?? []);
    if (!head || header.missing.length)
      throw unprocessable(
        'ASSISTANCE_IMPORT_COLUMNS_MISSING',
        bi(
          `表头缺少必填列：${header.missing.join('、')}（请使用导入模板）`,
          `The header row lacks required columns: ${header.missing.join(', ')} (use the template)`,
        ),
        header.missing.map((h) => ({
          field: 'header',
          code: 'missing_column',
          message: bi(`缺少列「${h}」`, `missing column "${h}"`),
        })),
      );
    const counts: ImportCounts = {
      rows: rows.length,
      pairingsCreated: 0,
      pairingsUnchanged: 0,
      helpersCreated: 0,
      rowsRejected: 0,
    };
    const rejected: RejectedRow[] = [];
    const reject = (r: RejectedRow) => {
      counts.rowsRejected++;
      if (rejected.length < REPORT_LIMIT) rejected.push(r);
    };
    // Rows run in order: a cadre's quota fills up the way the list is written.
    for (const { row, cells } of rows) {
      const parsed = readRow(cells, header.index);
      if (!parsed.ok) {
        reject({
          row,
          householdNo: parsed.householdNo,
          helperName: parsed.helperName,
          errors: parsed.errors,
        });
        continue;
      }
      const outcome = await this.apply(p, parsed.row, header.index);
      if (Array.isArray(outcome)) {
        reject({
          row,
          householdNo: parsed.row.householdNo,
          helperName: parsed.row.helperName,
          errors: outcome,
        });
        continue;
      }
      if (outcome.helperCreated) counts.helpersCreated++;
      if (outcome.pairing === 'created') counts.pairingsCreated++;
      else counts.pairingsUnchanged++;
    }
    const doc: PairingImport = {
      _id: randomUUID(),
      fileName,
      format: table.format,
      encoding: table.encoding,
      bytes: file.length,
      actorId: p.userId,
      actorName: p.username,
      actorArea: p.areaCode,
      createdAt: this.deps.now(),
      counts,
      rejected,
      rejectedTruncated: counts.rowsRejected > rejected.length,
      unknownHeaders: header.unknown,
    };
    await this.deps.imports.create(p, doc);
    return view(doc);
  }

  private async apply(
    p: Principal,
    row: PairingRow,
    index: Partial<Record<ColumnKey, number>>,
  ): Promise<{ pairing: 'created' | 'unchanged'; helperCreated: boolean } | RowError[]> {
    const error = (key: ColumnKey, code: string, message: { 'zh-CN': string; en: string }) => {
      const i = index[key];
      return [
        {
          column: i === undefined ? '' : columnLetter(i),
          header: COLUMNS.find((c) => c.key === key)?.header ?? key,
          code,
          message,
        },
      ];
    };
    const household = await this.deps.households.byNo(p, row.householdNo);
    if (!household)
      return error(
        'householdNo',
        'not_found',
        bi(
          `户编号 ${row.householdNo} 不存在或不在您的管辖范围内`,
          `Household ${row.householdNo} does not exist within your area`,
        ),
      );
    let helper = await this.deps.helpers.byIdentity(row.unit, row.helperName);
    if (helper && helper.rank !== row.rank)
      return error(
        'rank',
        'rank_mismatch',
        bi(
          `${row.helperName}已登记的职级与本行不一致`,
          `${row.helperName} is registered with another rank`,
        ),
      );
    if (helper) {
      const existing = await this.deps.pairings.activeOf(helper._id, household._id);
      if (existing?.role === row.role) return { pairing: 'unchanged', helperCreated: false };
      if (existing)
        return error(
          'role',
          'role_differs',
          bi(
            `${row.helperName}已以另一帮扶类型与该户结对，请先结束原结对`,
            `${row.helperName} is already paired with this household in the other role`,
          ),
        );
    }
    let helperCreated = false;
    if (!helper) {
      const area = row.helperArea ?? p.areaCode;
      if (!this.deps.helpers.canRegisterAt(p, area))
        return error(
          'helperArea',
          'out_of_scope',
          bi('干部所在地区不在您的管辖范围内', 'The helper area is outside your scope'),
        );
      try {
        const created = await this.deps.helpers.create(p, {
          name: row.helperName,
          unit: row.unit,
          rank: row.rank,
          position: row.position,
          phone: row.phone,
          areaCode: area,
        });
        helper = await this.deps.helpers.byIdentity(row.unit, row.helperName);
        helperCreated = created.id === helper?._id;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        helper = await this.deps.helpers.byIdentity(row.unit, row.helperName);
      }
      if (!helper)
        return error(
          'helperName',
          'unavailable',
          bi('无法登记该干部', 'The helper could not be registered'),
        );
    }
    try {
      await this.deps.pairings.create(
        p,
        {
          helperId: helper._id,
          householdId: household._id,
          role: row.role,
          ...(row.startDate ? { startDate: row.startDate } : {}),
        },
        'import',
      );
      return { pairing: 'created', helperCreated };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Nothing of a refused row stays: a cadre registered for it goes again.
      if (helperCreated) await this.deps.helpers.removeIfUnused(helper._id);
      const field = err.errors[0]?.field ?? '';
      return error(FIELD_COLUMN[field] ?? 'householdNo', err.code, err.messages);
    }
  }

  async get(p: Principal, id: string): Promise<ImportView> {
    const doc = await this.deps.imports.findOne(p, { _id: id });
    if (!doc) throw notFound(bi('导入记录', 'Import'), 'ASSISTANCE_IMPORT_NOT_FOUND');
    return view(doc);
  }

  async list(p: Principal, q: ListQuery<unknown>) {
    const { items, total } = await this.deps.imports.page(p, {}, q, { rejected: 0 });
    return { items: items.map((i) => view({ ...i, rejected: [] })), total };
  }
}
