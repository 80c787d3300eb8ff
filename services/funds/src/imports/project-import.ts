import { AppError, bi, countyWide, type Principal, type ScopedRepository } from '@fupin/kit';
import { FundingSource, fromLabel, ProjectType } from '@fupin/reference';
import { type Project, SOURCES } from '../projects/project.model';
import type { ProjectService } from '../projects/project.service';
import {
  type ColumnDef,
  finish,
  type ImportReport,
  openImport,
  rejectionsOf,
  RowReader,
} from './columns';

/** A project code is unique in the county: a row updates the project that holds it, wherever it is. */
const CODES = countyWide('project codes are unique in the county');

type Source = (typeof SOURCES)[number];
type Key =
  | 'code'
  | 'name'
  | 'type'
  | 'year'
  | 'areaCode'
  | 'location'
  | 'contractor'
  | 'responsible'
  | 'households'
  | 'people'
  | 'plannedStartOn'
  | 'plannedFinishOn'
  | `planned.${Source}`;

const sourceColumns = Object.fromEntries(
  SOURCES.map((s) => {
    const e = FundingSource[s];
    const names = [e.zh, ...(e.aliases ?? [])];
    return [
      `planned.${s}`,
      {
        label: `${e.zh}（元）`,
        aliases: names.flatMap((n) => [n, `${n}（元）`, `${n}(元)`, `${n}资金`, `${n}资金（元）`]),
        required: false,
      },
    ];
  }),
) as Record<`planned.${Source}`, ColumnDef>;

export const PROJECT_COLUMNS: Record<Key, ColumnDef> = {
  code: { label: '项目编号', aliases: ['项目编号', '项目代码', 'code'], required: true },
  name: { label: '项目名称', aliases: ['项目名称', 'name'], required: true },
  type: { label: '项目类型', aliases: ['项目类型', '类型', 'type'], required: true },
  year: { label: '年度', aliases: ['年度', '实施年度', 'year'], required: true },
  areaCode: {
    label: '区划代码',
    aliases: ['区划代码', '行政区划代码', '实施地点代码', 'areacode'],
    required: true,
  },
  location: { label: '建设地点', aliases: ['建设地点', '实施地点', 'location'], required: false },
  contractor: {
    label: '实施单位',
    aliases: ['实施单位', '承建单位', '施工单位', 'contractor'],
    required: false,
  },
  responsible: {
    label: '项目负责人',
    aliases: ['项目负责人', '负责人', 'responsible'],
    required: false,
  },
  households: { label: '受益户数', aliases: ['受益户数', 'households'], required: false },
  people: { label: '受益人数', aliases: ['受益人数', 'people'], required: false },
  // The export's own headings, so an exported library can be edited and imported back.
  plannedStartOn: {
    label: '计划开工日期',
    aliases: ['计划开工日期', '计划开工时间', '开工日期', 'plannedstarton'],
    required: false,
  },
  plannedFinishOn: {
    label: '计划完工日期',
    aliases: ['计划完工日期', '计划完工时间', '完工日期', 'plannedfinishon'],
    required: false,
  },
  ...sourceColumns,
};

/** Which column a service's field error belongs to. */
function columnOf(field: string): string {
  const [head, sub] = field.split('.');
  if (head === 'plannedInvestment') {
    return (sub && PROJECT_COLUMNS[`planned.${sub as Source}`]?.label) || '计划投资（元）';
  }
  if (head === 'beneficiaries') return sub === 'people' ? '受益人数' : '受益户数';
  return PROJECT_COLUMNS[head as Key]?.label ?? (field || '项目编号');
}

/**
 * 计划开工/完工日期 when the row gives them (a blank keeps what the project has); the finish not
 * before the start. Progress is not imported: a report needs its evidence (填报进度).
 */
function plannedDays(r: RowReader<Key>): { plannedStartOn?: string; plannedFinishOn?: string } {
  const day = (k: 'plannedStartOn' | 'plannedFinishOn') => (r.has(k) ? r.date(k) : null);
  const start = day('plannedStartOn');
  const finish = day('plannedFinishOn');
  if (start && finish && finish < start)
    r.reject(
      'plannedFinishOn',
      'before_start',
      bi('计划完工日期不能早于计划开工日期', 'the planned finish is before the start'),
    );
  return {
    ...(start ? { plannedStartOn: start } : {}),
    ...(finish ? { plannedFinishOn: finish } : {}),
  };
}

/**
 * 项目库导入 — projects from a spreadsheet (XLSX, CSV in UTF-8 or GBK), one per row, keyed by
 * project number: new ones are registered as proposed, proposed ones are updated, and a row
 * that would change an approved project's locked facts is refused. Every refused row is
 * reported with its row number, column and reason; the others are stored.
 */
export class ProjectImport {
  constructor(
    private readonly deps: { projects: ProjectService; model: ScopedRepository<Project> },
  ) {}

  async run(p: Principal, file: Buffer): Promise<ImportReport> {
    const { columns, body, report } = await openImport(file, PROJECT_COLUMNS);
    const firstRowOf = new Map<string, number>();
    for (const row of body) {
      const r = new RowReader(row, columns, PROJECT_COLUMNS);
      const code = r.required('code');
      const name = r.required('name');
      const typeText = r.required('type');
      const type = typeText ? fromLabel(ProjectType, typeText) : undefined;
      if (typeText && !type) {
        r.reject('type', 'unknown', bi(`未知的项目类型：${typeText}`, `Unknown type: ${typeText}`));
      }
      const year = r.required('year') ? r.int('year', 2000, 2100) : null;
      const areaCode = r.area('areaCode');
      const planned: Partial<Record<Source, number>> = {};
      for (const s of SOURCES) {
        const fen = r.fen(`planned.${s}`);
        if (fen) planned[s] = fen;
      }
      const plan = plannedDays(r);
      const households = r.int('households', 0, 1_000_000);
      const people = r.int('people', 0, 10_000_000);
      if (code) {
        const first = firstRowOf.get(code);
        if (first !== undefined) {
          r.reject('code', 'duplicate', bi(`与第 ${first} 行重复`, `duplicates row ${first}`));
        } else firstRowOf.set(code, row.row);
      }
      if (r.problems.length || !code || !name || !type || !year || !areaCode) {
        report.rejections.push(...r.problems);
        continue;
      }
      const optional = (k: 'location' | 'contractor' | 'responsible') =>
        r.has(k) ? r.text(k) : null;
      const facts = {
        name,
        type,
        year,
        areaCode,
        location: optional('location'),
        contractor: optional('contractor'),
        responsible: optional('responsible'),
        plannedInvestment: planned,
        ...plan,
      };
      try {
        const existing = await this.deps.model.findOne(
          CODES,
          { code },
          { projection: { _id: 1, revision: 1, beneficiaries: 1 } },
        );
        const beneficiaries = {
          households: households ?? 0,
          people: people ?? 0,
          poorHouseholdIds: existing?.beneficiaries.poorHouseholdIds ?? [],
        };
        if (!existing) {
          await this.deps.projects.register(p, {
            code,
            ...facts,
            beneficiaries,
            fiveSystems: {},
          });
          report.created++;
          continue;
        }
        const after = await this.deps.projects.update(
          p,
          existing._id,
          { ...facts, beneficiaries },
          existing.revision,
        );
        if (after.revision === existing.revision) report.unchanged++;
        else report.updated++;
      } catch (err) {
        report.rejections.push(...rejectionsOf(row.row, err, columnOf));
        if (!(err instanceof AppError)) throw err;
      }
    }
    return finish(report);
  }
}
