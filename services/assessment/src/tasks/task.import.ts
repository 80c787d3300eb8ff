import {
  bi,
  type ColumnDef,
  countyWide,
  finish,
  type ImportReport,
  openImport,
  parseInput,
  type Principal,
  rejectionsOf,
  RowReader,
  type ScopedRepository,
  sheetDay,
} from '@fupin/kit';
import ExcelJS from 'exceljs';
import type { AreaNameModel } from '../indicators/fact.model';
import type { ScheduleTask } from './task.model';
import { type TaskInput, taskInputSchema } from './task.schemas';
import type { TaskService } from './task.service';

type Column =
  | 'code'
  | 'title'
  | 'ownerUnit'
  | 'leader'
  | 'area'
  | 'startOn'
  | 'dueOn'
  | 'milestones'
  | 'indicator'
  | 'project';

/** The columns as counties head their 倒排工期表. */
const COLUMNS: Record<Column, ColumnDef> = {
  code: { label: '任务编号', aliases: ['任务编号', '编号', '序号'], required: true },
  title: {
    label: '工作任务',
    aliases: ['工作任务', '任务名称', '任务', '工作内容', '重点任务', '具体任务'],
    required: true,
  },
  ownerUnit: {
    label: '责任单位',
    aliases: ['责任单位', '牵头单位', '主责单位', '责任部门'],
    required: true,
  },
  leader: { label: '责任人', aliases: ['责任人', '牵头领导', '责任领导'], required: false },
  area: {
    label: '实施区域',
    aliases: ['实施区域', '区划代码', '乡镇', '地区', '实施地点'],
    required: false,
  },
  startOn: { label: '开始日期', aliases: ['开始日期', '开始时间', '启动时间'], required: true },
  dueOn: {
    label: '完成时限',
    aliases: ['完成时限', '完成时间', '截止日期', '截止时间', '时限要求'],
    required: true,
  },
  milestones: {
    label: '节点安排',
    aliases: ['节点安排', '时间节点', '节点', '阶段目标'],
    required: false,
  },
  indicator: { label: '关联指标', aliases: ['关联指标', '考核指标'], required: false },
  project: { label: '关联项目', aliases: ['关联项目', '项目编号', '项目代码'], required: false },
};

const FIELD_COLUMN: Record<string, Column> = {
  code: 'code',
  title: 'title',
  ownerUnit: 'ownerUnit',
  leader: 'leader',
  areaCode: 'area',
  startOn: 'startOn',
  dueOn: 'dueOn',
  link: 'indicator',
};
/** Task codes are unique in the county: an import checks them beyond the caller's area. */
const UNIQUE_CODES = countyWide('task codes are unique county-wide; only the codes are read');

const columnOf = (field: string) =>
  COLUMNS[
    FIELD_COLUMN[field.split('.')[0]!] ?? (field.startsWith('milestones') ? 'milestones' : 'code')
  ].label;

/**
 * 节点安排 as a cell writes it: `方案制定 2026-03-31；入户核查 2026-05-31` — a name and a day per
 * milestone, separated by ；, ; or a new line.
 */
export function milestonesOf(text: string): { title: string; dueOn: string }[] | null {
  const parts = text
    .split(/[；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: { title: string; dueOn: string }[] = [];
  for (const part of parts) {
    const m = /^(.+?)[\s:：]+(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)$/.exec(part);
    const day = m ? sheetDay(m[2]!.replace(/[年月]/g, '-').replace(/日$/, '')) : undefined;
    if (!m || !day) return null;
    out.push({ title: m[1]!.trim(), dueOn: day });
  }
  return out;
}

/** 倒排工期表 — the county's schedule read from XLSX or CSV, each bad row reported. */
export class TaskImport {
  constructor(
    private readonly deps: {
      tasks: ScopedRepository<ScheduleTask>;
      service: TaskService;
      areas: AreaNameModel;
      countyCode: string;
    },
  ) {}

  async run(
    p: Principal,
    file: Buffer,
    dryRun: boolean,
  ): Promise<ImportReport & { dryRun: boolean }> {
    const { columns, body, report } = await openImport(
      file,
      COLUMNS,
      'ASSESSMENT_TASK_IMPORT_HEADER',
    );
    const areaByName = await this.areaNames();
    const rowOf = new Map<string, number>();
    const taken: ScheduleTask[] = [];
    for (const row of body) {
      const r = new RowReader(row, columns, COLUMNS);
      const input = this.inputOf(r);
      const areaCode = this.areaOf(r, areaByName);
      if (input && rowOf.has(input.code))
        r.reject('code', 'duplicate', bi('文件中任务编号重复', 'the code repeats in the file'));
      if (r.problems.length || !input || !areaCode) {
        report.rejections.push(...r.problems);
        continue;
      }
      try {
        const doc = this.deps.service.build(p, parseInput(taskInputSchema, { ...input, areaCode }));
        this.deps.tasks.assertWritable(p, doc);
        rowOf.set(doc.code, row.row);
        taken.push(doc);
      } catch (err) {
        report.rejections.push(...rejectionsOf(row.row, err, columnOf));
      }
    }
    const existing = await this.deps.tasks.distinct(UNIQUE_CODES, 'code', {
      code: { $in: [...rowOf.keys()] },
    });
    const fresh = taken.filter((t) => !existing.includes(t.code));
    for (const code of existing as string[])
      report.rejections.push({
        row: rowOf.get(code) ?? 0,
        column: COLUMNS.code.label,
        code: 'exists',
        message: bi(`任务编号 ${code} 已存在`, `task ${code} already exists`),
      });
    if (!dryRun && fresh.length) await this.deps.tasks.insertMany(p, fresh);
    report.created = fresh.length;
    return { ...finish(report), dryRun };
  }

  /** A row's fields but its area; null when a required one is missing or unreadable. */
  private inputOf(r: RowReader<Column>): Omit<TaskInput, 'areaCode'> | null {
    const code = r.required('code');
    const title = r.required('title');
    const ownerUnit = r.required('ownerUnit');
    const startOn = r.date('startOn');
    const dueOn = r.date('dueOn');
    const milestoneText = r.text('milestones');
    const milestones = milestoneText ? milestonesOf(milestoneText) : [];
    if (milestones === null)
      r.reject(
        'milestones',
        'invalid',
        bi('节点应写作“名称 日期”，以；分隔', 'write milestones as "name date", separated by ；'),
      );
    const link = r.text('indicator')
      ? { kind: 'indicator' as const, ref: r.text('indicator') }
      : r.text('project')
        ? { kind: 'project' as const, ref: r.text('project') }
        : null;
    if (!code || !title || !ownerUnit || !startOn || !dueOn || !milestones) return null;
    return {
      code,
      title,
      ownerUnit,
      leader: r.text('leader') || null,
      startOn,
      dueOn,
      milestones,
      link,
    };
  }

  /** 实施区域: a 12-digit code, or a township's name as the registry names it; the county when empty. */
  private areaOf(r: RowReader<Column>, byName: Map<string, string>): string | null {
    const text = r.text('area');
    if (!text) return this.deps.countyCode;
    if (/^\d+$/.test(text)) return r.area('area');
    const code = byName.get(text.replace(/\s+/g, ''));
    if (!code) r.reject('area', 'unknown_area', bi(`未知的地区：${text}`, `unknown area: ${text}`));
    return code ?? null;
  }

  private async areaNames(): Promise<Map<string, string>> {
    const areas = await this.deps.areas.find({}, { name: 1 }).lean();
    return new Map(areas.map((a) => [a.name.replace(/\s+/g, ''), a._id]));
  }

  /** A sheet to fill in, with two example rows. */
  async template(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('倒排工期表');
    const order: Column[] = [
      'code',
      'title',
      'ownerUnit',
      'leader',
      'area',
      'startOn',
      'dueOn',
      'milestones',
      'indicator',
      'project',
    ];
    ws.addRow(order.map((c) => COLUMNS[c].label));
    ws.getRow(1).font = { bold: true };
    ws.addRow([
      'RW-001',
      '完成全县建档立卡动态调整',
      '县扶贫办',
      '分管副主任',
      '',
      '2026-03-01',
      '2026-06-30',
      '方案制定 2026-03-31；入户核查 2026-05-31',
      '',
      '',
    ]);
    ws.columns.forEach((c) => (c.width = 18));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
