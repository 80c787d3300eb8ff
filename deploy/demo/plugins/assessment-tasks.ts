import ExcelJS from 'exceljs';
import type { DemoPlugin, SeedContext } from '../plugin';

// 倒排工期 in the demo county: the poverty office imports the county's schedule from its own
// sheet (one row of which is refused, as real sheets have them), then units report progress,
// so the schedule and the dashboard show a task of each standing: overdue, at risk (near its
// deadline, or behind its plan), on track, done on time and done late.

const API = '/api/assessment/tasks';
const DAY = 86_400_000;
/** A day counted from today in Asia/Shanghai. */
const day = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * DAY).toISOString().slice(0, 10);

interface Row {
  code: string;
  title: string;
  unit: string;
  leader: string;
  area: string;
  start: number;
  due: number;
  milestones?: [string, number][];
  indicator?: string;
}

function rows(ctx: SeedContext): Row[] {
  const [t1, t2, t3] = ctx.county.townships;
  return [
    {
      code: 'DG-01',
      title: '完成建档立卡动态调整和信息采集录入',
      unit: '县扶贫办',
      leader: '分管副主任',
      area: '',
      start: -90,
      due: -5,
      milestones: [['入户核查', -40]],
    },
    {
      code: 'DG-02',
      title: '完成贫困户入户走访全覆盖',
      unit: t1!.name,
      leader: '乡镇党委书记',
      area: t1!.name,
      start: -60,
      due: 5,
      indicator: 'visit_coverage',
    },
    {
      code: 'DG-03',
      title: '贫困村安全饮水巩固提升工程完工',
      unit: '县水利局',
      leader: '局长',
      area: t2!.code,
      start: -30,
      due: 60,
      milestones: [
        ['管网铺设', 20],
        ['通水验收', 55],
      ],
    },
    {
      code: 'DG-04',
      title: '兑现教育扶贫资助资金',
      unit: '县教育局',
      leader: '分管副局长',
      area: '',
      start: -80,
      due: -20,
    },
    {
      code: 'DG-05',
      title: '危房改造项目竣工验收',
      unit: '县住建局',
      leader: '局长',
      area: t3!.name,
      start: -100,
      due: -30,
    },
    {
      code: 'DG-06',
      title: '产业扶贫项目开工建设',
      unit: t3!.name,
      leader: '乡镇长',
      area: t3!.code,
      start: -50,
      due: 50,
      indicator: 'project_start_rate',
    },
    {
      code: 'DG-07',
      title: '编号重复的一行（导入时拒绝）',
      unit: '县扶贫办',
      leader: '',
      area: '',
      start: -10,
      due: 10,
    },
  ];
}

async function sheet(ctx: SeedContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('倒排工期表');
  ws.addRow([
    '任务编号',
    '工作任务',
    '责任单位',
    '责任人',
    '实施区域',
    '开始日期',
    '完成时限',
    '节点安排',
    '关联指标',
  ]);
  for (const r of rows(ctx)) {
    ws.addRow([
      r.code === 'DG-07' ? 'DG-01' : r.code,
      r.title,
      r.unit,
      r.leader,
      r.area,
      day(r.start),
      day(r.due),
      (r.milestones ?? []).map(([n, d]) => `${n} ${day(d)}`).join('；'),
      r.indicator ?? '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Task {
  id: string;
  code: string;
  revision: number;
}

export const assessmentTasksPlugin: DemoPlugin = {
  name: 'assessment-tasks',
  probe: '/api/assessment/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count(API)) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const res = await office.request<{ created: number; rejected: number }>(
      'POST',
      `${API}/import`,
      {
        body: await sheet(ctx),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    ctx.log(
      `  倒排工期: ${res.body.created} tasks imported, ${res.body.rejected} row refused (a repeated 任务编号)`,
    );
    const tasks = await office.list<Task>(API, { sort: ['code', 'ASC'] });
    const byCode = new Map(tasks.map((t) => [t.code, t]));
    const report = async (code: string, percent: number, on: number, extra: object = {}) => {
      const t = byCode.get(code);
      if (!t) return;
      await office.request('POST', `${API}/${encodeURIComponent(t.id)}/progress`, {
        json: { percent, reportedOn: day(on), ...extra },
      });
    };
    // Overdue at 80%, its milestone done; at risk near the deadline; behind its plan; done on
    // time; done late (completed ten days after its deadline).
    await report('DG-01', 80, -10, {
      note: '已完成 13 个乡镇的信息采集，2 个乡镇在补录',
      milestonesDone: [0],
    });
    await report('DG-02', 90, -1, { note: '已走访 90% 的贫困户' });
    await report('DG-03', 40, -1, { note: '管网材料已到位，正在铺设' });
    await report('DG-04', 100, -25, { note: '春季学期资助已全部兑现' });
    await report('DG-05', 100, -20, { note: '最后 12 户竣工验收完成，超期 10 天' });
    await report('DG-06', 10, -1, { note: '用地手续办理中，尚未开工' });
    ctx.log(
      '  倒排工期: progress reported — one task overdue, two at risk, one on track, one done on time, one done late',
    );
  },
};
