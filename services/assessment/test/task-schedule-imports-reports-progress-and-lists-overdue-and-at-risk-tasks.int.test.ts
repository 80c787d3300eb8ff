import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  bearer,
  COUNTY,
  startAssessment,
  testClock,
  TOWNSHIP_A,
  TOWNSHIP_B,
  type TestAssessment,
} from './fixtures/assessment';

let t: TestAssessment;
let tokenB: string;
const clock = testClock('2026-05-20T02:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: (string | Date)[][]): Promise<Buffer> {
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
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await startAssessment({ now: clock.now });
  tokenB = await t.issuer.sign({
    sub: 'u-town-b',
    name: '南强镇',
    area: TOWNSHIP_B,
    roles: ['township_staff'],
    rights: { assessment: ['read', 'write'] },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

test('the county sheet is imported with every bad row reported, and the schedule shows what is late', async () => {
  const file = await sheet([
    [
      'RW-01',
      '完成动态调整',
      '县扶贫办',
      '张主任',
      '',
      '2026-03-01',
      '2026-05-10',
      '方案制定 2026-03-31',
      'visit_coverage',
    ],
    ['RW-02', '危房改造竣工', '住建局', '', TOWNSHIP_A, '2026-01-01', '2026-05-25', '', ''],
    [
      'RW-03',
      '产业项目开工',
      '城关镇',
      '',
      TOWNSHIP_A,
      new Date('2026-05-01T00:00:00Z'),
      '2026-12-31',
      '',
      '',
    ],
    ['RW-04', '日期倒置', '县扶贫办', '', '', '2026-06-01', '2026-05-01', '', ''],
    ['RW-05', '坏节点', '县扶贫办', '', '', '2026-01-01', '2026-12-31', '尽快', ''],
    ['RW-01', '重复编号', '县扶贫办', '', '', '2026-01-01', '2026-12-31', '', ''],
    ['', '缺编号', '县扶贫办', '', '某某乡', '2026-01-01', '2026-12-31', '', ''],
  ]);
  const dry = await request(t.app)
    .post('/tasks/import?dryRun=true')
    .set(bearer(t.tokens.county))
    .set('content-type', XLSX)
    .send(file);
  expect(dry.status).toBe(200);
  expect(dry.body).toMatchObject({ dryRun: true, rows: 7, created: 3, rejected: 4 });
  const listed = await request(t.app).get('/tasks').set(bearer(t.tokens.county));
  expect(listed.body).toEqual([]);

  const res = await request(t.app)
    .post('/tasks/import')
    .set(bearer(t.tokens.county))
    .set('content-type', XLSX)
    .send(file);
  expect(res.body.created).toBe(3);
  const why = res.body.rejections.map(
    (r: { row: number; column: string; code: string }) => `${r.row}:${r.column}:${r.code}`,
  );
  expect(why).toEqual(
    expect.arrayContaining([
      '5:完成时限:before_start',
      '6:节点安排:invalid',
      '7:任务编号:duplicate',
      '8:任务编号:required',
      '8:实施区域:unknown_area',
    ]),
  );
  // The same file again: every code exists, nothing is overwritten.
  const again = await request(t.app)
    .post('/tasks/import')
    .set(bearer(t.tokens.county))
    .set('content-type', XLSX)
    .send(file);
  expect(again.body.created).toBe(0);
  expect(again.body.rejections.filter((r: { code: string }) => r.code === 'exists')).toHaveLength(
    3,
  );

  // On 2026-05-20: RW-01 is past its deadline, RW-02 is five days from it, RW-03 on track.
  const byState = async (state: string) =>
    (
      await request(t.app)
        .get('/tasks')
        .query({ filter: JSON.stringify({ state }) })
        .set(bearer(t.tokens.county))
    ).body.map((x: { code: string }) => x.code);
  await expect(byState('overdue')).resolves.toEqual(['RW-01']);
  await expect(byState('at_risk')).resolves.toEqual(['RW-02']);
  await expect(byState('on_track')).resolves.toEqual(['RW-03']);
  const summary = await request(t.app).get('/tasks/summary').set(bearer(t.tokens.county));
  expect(summary.body.byState).toMatchObject({ overdue: 1, at_risk: 1, on_track: 1, done: 0 });
  expect(summary.body.late.map((x: { code: string }) => x.code)).toEqual(['RW-01', 'RW-02']);
});

test('progress is reported with milestones; 100% completes the task; a lower figure needs a reason', async () => {
  const created = await request(t.app)
    .post('/tasks')
    .set(bearer(t.tokens.townshipA))
    .send({
      code: 'CG-01',
      title: '村级光伏电站并网',
      ownerUnit: '城关镇',
      areaCode: TOWNSHIP_A,
      startOn: '2026-05-01',
      dueOn: '2026-06-30',
      milestones: [{ title: '设备到货', dueOn: '2026-05-31' }],
      link: { kind: 'project', ref: 'XM-2026-001' },
    });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const taken = await request(t.app)
    .post('/tasks')
    .set(bearer(t.tokens.townshipA))
    .send({ ...created.body, id: undefined, standing: undefined });
  expect(taken.status).toBe(400);
  const dup = await request(t.app).post('/tasks').set(bearer(t.tokens.townshipA)).send({
    code: 'CG-01',
    title: 'x',
    ownerUnit: '城关镇',
    areaCode: TOWNSHIP_A,
    startOn: '2026-05-01',
    dueOn: '2026-06-30',
  });
  expect(dup.status).toBe(409);
  expect(dup.headers['content-type']).toContain('application/problem+json');

  const half = await request(t.app)
    .post(`/tasks/${id}/progress`)
    .set(bearer(t.tokens.townshipA))
    .send({ percent: 50, reportedOn: '2026-05-20', milestonesDone: [0] });
  expect(half.status).toBe(201);
  expect(half.body.milestones[0].doneOn).toBe('2026-05-20');
  const lower = await request(t.app)
    .post(`/tasks/${id}/progress`)
    .set(bearer(t.tokens.townshipA))
    .send({ percent: 40, reportedOn: '2026-05-20' });
  expect(lower.status).toBe(422);
  expect(lower.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
  const done = await request(t.app)
    .post(`/tasks/${id}/progress`)
    .set(bearer(t.tokens.townshipA))
    .send({ percent: 100, reportedOn: '2026-05-20', note: '已并网发电' });
  expect(done.body).toMatchObject({ completedOn: '2026-05-20', standing: { state: 'done' } });
  const read = await request(t.app).get(`/tasks/${id}`).set(bearer(t.tokens.county));
  expect(read.body.reports.map((r: { percent: number }) => r.percent)).toEqual([50, 100]);
  const linked = await request(t.app)
    .get('/tasks')
    .query({ filter: JSON.stringify({ linkKind: 'project', linkRef: 'XM-2026-001' }) })
    .set(bearer(t.tokens.county));
  expect(linked.body.map((x: { code: string }) => x.code)).toEqual(['CG-01']);
});

test("another township neither sees nor reports on township A's tasks, nor adds one there", async () => {
  const list = await request(t.app).get('/tasks').set(bearer(tokenB));
  expect(list.status).toBe(200);
  expect(list.body).toEqual([]);
  const a = (await request(t.app).get('/tasks').set(bearer(t.tokens.townshipA))).body as {
    id: string;
    areaCode: string;
  }[];
  expect(a.length).toBeGreaterThan(0);
  expect(a.every((x) => x.areaCode.startsWith(TOWNSHIP_A.slice(0, 9)))).toBe(true);
  expect((await request(t.app).get(`/tasks/${a[0]!.id}`).set(bearer(tokenB))).status).toBe(404);
  const report = await request(t.app)
    .post(`/tasks/${a[0]!.id}/progress`)
    .set(bearer(tokenB))
    .send({ percent: 10, reportedOn: '2026-05-20', reason: 'x' });
  expect(report.status).toBe(403);
  const add = await request(t.app).post('/tasks').set(bearer(tokenB)).send({
    code: 'NQ-X',
    title: 'x',
    ownerUnit: '南强镇',
    areaCode: COUNTY,
    startOn: '2026-05-01',
    dueOn: '2026-06-30',
  });
  expect(add.status).toBe(403);
});
