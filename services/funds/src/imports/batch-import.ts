import { AppError, bi, countyWide, type Principal, type ScopedRepository } from '@fupin/kit';
import { type FundingSource, FundingSource as Sources, fromLabel } from '@fupin/reference';
import type { BatchService } from '../batches/batch.service';
import type { Project } from '../projects/project.model';
import {
  type ColumnDef,
  finish,
  type ImportReport,
  openImport,
  rejectionsOf,
  RowReader,
  type RowRejection,
} from './columns';

/** A batch names its projects by code (unique in the county); the batch checks each one's area. */
const PROJECT_CODES = countyWide('a batch line names its project by its county-unique code');

type Key = 'documentNo' | 'title' | 'source' | 'issuedOn' | 'amount' | 'projectCode' | 'allocation';

export const BATCH_COLUMNS: Record<Key, ColumnDef> = {
  documentNo: {
    label: '文号',
    aliases: ['文号', '下达文号', '文件文号', 'documentno'],
    required: true,
  },
  title: {
    label: '文件名称',
    aliases: ['文件名称', '批次名称', '资金名称', 'title'],
    required: false,
  },
  source: { label: '资金来源', aliases: ['资金来源', '来源', 'source'], required: true },
  issuedOn: { label: '下达日期', aliases: ['下达日期', '日期', 'issuedon'], required: true },
  amount: {
    label: '下达总额（元）',
    aliases: ['下达总额', '下达总额（元）', '下达总额(元)', '批次金额', 'amount'],
    required: false,
  },
  projectCode: { label: '项目编号', aliases: ['项目编号', 'projectcode'], required: true },
  allocation: {
    label: '分配金额（元）',
    aliases: ['分配金额', '分配金额（元）', '分配金额(元)', '安排金额', '项目金额', 'allocation'],
    required: true,
  },
};

interface Line {
  row: number;
  documentNo: string;
  title: string;
  source: FundingSource;
  issuedOn: string;
  amountFen: number | null;
  projectCode: string;
  allocationFen: number;
}

function columnOf(field: string): string {
  const [head, , sub] = field.split('.');
  if (head === 'allocations') return sub === 'amountFen' ? '分配金额（元）' : '项目编号';
  if (head === 'amountFen') return '下达总额（元）';
  return BATCH_COLUMNS[head as Key]?.label ?? (field || '文号');
}

/**
 * 资金下达导入 — funding batches from a spreadsheet, one allocation per row; rows with the
 * same 文号 make one batch (all or nothing: a bad row refuses its whole batch, reported on
 * every row of it). A batch already recorded with the same allocations is left unchanged.
 */
export class BatchImport {
  constructor(
    private readonly deps: { batches: BatchService; projects: ScopedRepository<Project> },
  ) {}

  async run(p: Principal, file: Buffer): Promise<ImportReport> {
    const { columns, body, report } = await openImport(file, BATCH_COLUMNS);
    const groups = new Map<string, { lines: Line[]; problems: RowRejection[]; rows: number[] }>();
    for (const row of body) {
      const r = new RowReader(row, columns, BATCH_COLUMNS);
      const documentNo = r.required('documentNo');
      const sourceText = r.required('source');
      const source = sourceText ? fromLabel(Sources, sourceText) : undefined;
      if (sourceText && !source) {
        r.reject(
          'source',
          'unknown',
          bi(`未知的资金来源：${sourceText}`, `Unknown source: ${sourceText}`),
        );
      }
      const issuedOn = r.date('issuedOn');
      const amountFen = r.has('amount') ? r.fen('amount') : null;
      const projectCode = r.required('projectCode');
      const allocationFen = r.fen('allocation', true);
      const key = documentNo ?? `#${row.row}`;
      const group = groups.get(key) ?? { lines: [], problems: [], rows: [] };
      groups.set(key, group);
      group.rows.push(row.row);
      if (
        r.problems.length ||
        !documentNo ||
        !source ||
        !issuedOn ||
        !projectCode ||
        !allocationFen
      ) {
        group.problems.push(...r.problems);
        continue;
      }
      group.lines.push({
        row: row.row,
        documentNo,
        title: r.text('title') || documentNo,
        source,
        issuedOn,
        amountFen,
        projectCode,
        allocationFen,
      });
    }
    for (const [documentNo, g] of groups) {
      const problems = [...g.problems, ...this.consistency(g.lines)];
      if (problems.length) {
        report.rejections.push(...problems, ...this.alsoRefused(g.rows, problems));
        continue;
      }
      try {
        const outcome = await this.store(p, documentNo, g.lines);
        report[outcome]++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const why = err.errors.map((e) => {
          const index = /^allocations\.(\d+)\./.exec(e.field)?.[1];
          const line = index === undefined ? g.lines[0]! : g.lines[Number(index)]!;
          return rejectionsOf(
            line.row,
            new AppError(err.status, err.code, err.messages, { errors: [e] }),
            columnOf,
          )[0]!;
        });
        const stated = why.length ? why : rejectionsOf(g.lines[0]!.row, err, columnOf);
        report.rejections.push(...stated, ...this.alsoRefused(g.rows, stated));
      }
    }
    return finish(report);
  }

  /** Rows of one 文号 must agree on the batch facts. */
  private consistency(lines: Line[]): RowRejection[] {
    const first = lines[0];
    if (!first) return [];
    const out: RowRejection[] = [];
    const seen = new Map<string, number>();
    for (const l of lines) {
      for (const [k, same] of [
        ['source', l.source === first.source],
        ['issuedOn', l.issuedOn === first.issuedOn],
        ['amount', l.amountFen === first.amountFen],
      ] as const) {
        if (!same) {
          out.push({
            row: l.row,
            column: BATCH_COLUMNS[k].label,
            code: 'inconsistent',
            message: bi(
              `与第 ${first.row} 行同一文号但内容不一致`,
              `disagrees with row ${first.row} of the same 文号`,
            ),
          });
        }
      }
      const dup = seen.get(l.projectCode);
      if (dup !== undefined) {
        out.push({
          row: l.row,
          column: '项目编号',
          code: 'duplicate',
          message: bi(`与第 ${dup} 行重复`, `duplicates row ${dup}`),
        });
      }
      seen.set(l.projectCode, l.row);
    }
    return out;
  }

  /** The other rows of a refused batch are not stored either; the report says why. */
  private alsoRefused(rows: number[], problems: RowRejection[]): RowRejection[] {
    const bad = new Set(problems.map((x) => x.row));
    return rows
      .filter((r) => !bad.has(r))
      .map((row) => ({
        row,
        column: '文号',
        code: 'batch_refused',
        message: bi(
          '同一文号的其他行有错误，本批次未导入',
          'another row of this 文号 is wrong; the batch was not imported',
        ),
      }));
  }

  private async store(
    p: Principal,
    documentNo: string,
    lines: Line[],
  ): Promise<'created' | 'unchanged'> {
    const codes = lines.map((l) => l.projectCode);
    const projects = await this.deps.projects.find(
      PROJECT_CODES,
      { code: { $in: codes } },
      { projection: { code: 1 } },
    );
    const idOf = new Map(projects.map((x) => [x.code, x._id]));
    const existing = await this.deps.batches.findByDocumentNo(documentNo);
    if (existing) {
      const same =
        existing.allocations.length === lines.length &&
        lines.every((l) =>
          existing.allocations.some(
            (a) => a.projectCode === l.projectCode && a.amountFen === l.allocationFen,
          ),
        );
      if (same) return 'unchanged';
    }
    const first = lines[0]!;
    await this.deps.batches.create(p, {
      documentNo,
      title: first.title,
      source: first.source,
      amountFen: first.amountFen ?? lines.reduce((s, l) => s + l.allocationFen, 0),
      issuedOn: first.issuedOn,
      allocations: lines.map((l) => ({
        projectId: idOf.get(l.projectCode) ?? `unknown:${l.projectCode}`,
        amountFen: l.allocationFen,
      })),
    });
    return 'created';
  }
}
