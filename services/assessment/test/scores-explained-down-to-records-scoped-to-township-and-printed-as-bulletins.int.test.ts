import { pdfText } from '@fupin/testing';
import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  bearer,
  startAssessment,
  testClock,
  TOWNSHIP_A,
  type TestAssessment,
} from './fixtures/assessment';
import { defineScheme, deliver, EVENTS, HH, rank, townshipsKnown, UNIT } from './fixtures/scenario';

let t: TestAssessment;
const clock = testClock('2019-01-01T02:00:00Z');

beforeAll(async () => {
  t = await startAssessment({ now: clock.now });
  await deliver(t, EVENTS.Q1);
  await townshipsKnown(t);
  await defineScheme(t);
  await rank(t, clock, 2019, 1, '2019-04-02');
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string, path: string) => request(t.app).get(path).set(bearer(token));
const binary = (res: request.Response) => res.body as Buffer;
const buffer = (r: request.Test) =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

test('a score is explained indicator by indicator, and each value lists the records behind it with links', async () => {
  const res = await as(t.tokens.county, `/rankings/2019-Q1-v1/results/${UNIT.C}`);
  expect(res.status).toBe(200);
  const body = res.body as {
    rank: number;
    yellowCard: boolean;
    explanation: { zh: string }[];
    indicators: {
      code: string;
      value: number;
      numerator: number;
      denominator: number;
      explanation: { zh: string };
      recordsOf: { total: number; href: string; linkTemplate: string };
    }[];
  };
  expect(body.explanation.map((e) => e.zh)).toEqual([
    '总分 0.00：各指标得分之和 0.00（满分 100.00）折算为百分制',
    '在 3 个单位中排第 3 名',
    '排名倒数第一，给予预黄牌警告',
  ]);
  const visits = body.indicators.find((i) => i.code === 'visit_coverage')!;
  expect(visits).toMatchObject({ value: 0, numerator: 0, denominator: 6 });
  expect(visits.explanation.zh).toBe(
    '入户走访覆盖率 0.00%，底线 0.00%、目标 100.00%，按线性插值得权重 50 分的 0.00%，计 0.00 分',
  );
  expect(visits.recordsOf).toMatchObject({
    total: 6,
    linkTemplate: '/api/registry/households/{id}',
  });

  const records = await as(t.tokens.county, visits.recordsOf.href.replace('/api/assessment', ''));
  expect(records.status).toBe(200);
  expect(records.headers['content-range']).toBe('records 0-5/6');
  expect(records.body).toEqual(
    expect.arrayContaining([
      { id: HH.C1, note: '2019-01', link: `/api/registry/households/${HH.C1}` },
      { id: HH.C2, note: '2019-03', link: `/api/registry/households/${HH.C2}` },
    ]),
  );
  const findings = await as(
    t.tokens.county,
    `/rankings/2019-Q1-v1/results/${UNIT.C}/records/findings_open`,
  );
  expect(
    (findings.body as { link: string }[]).every((f) =>
      f.link.startsWith('/api/matching/findings/'),
    ),
  ).toBe(true);
  expect(findings.body).toHaveLength(2);
});

test("a township user sees only its own township's results and explanations", async () => {
  const town = t.tokens.townshipA;
  const results = await as(town, '/rankings/2019-Q1-v1/results');
  expect(results.status).toBe(200);
  expect((results.body as { unitId: string }[]).map((r) => r.unitId)).toEqual([UNIT.A]);
  const version = await as(town, '/rankings/2019-Q1-v1');
  expect(
    (version.body as { tracks: { units: { unitId: string }[] }[] }).tracks[0]!.units.map(
      (u) => u.unitId,
    ),
  ).toEqual([UNIT.A]);
  for (const path of [
    `/rankings/2019-Q1-v1/results/${UNIT.C}`,
    `/rankings/2019-Q1-v1/results/${UNIT.C}/records/visit_coverage`,
    `/units/${UNIT.C}/history`,
  ]) {
    const res = await as(town, path);
    expect({ path, status: res.status, code: res.body.code }).toEqual({
      path,
      status: 403,
      code: 'FORBIDDEN_AREA',
    });
    expect(JSON.stringify(res.body)).not.toContain(HH.C1);
  }
  expect((await as(town, `/units/${UNIT.A}/history`)).status).toBe(200);
  const preview = await as(town, '/quarters/2019/1/preview');
  expect((preview.body as { results: { unitId: string }[] }).results.map((r) => r.unitId)).toEqual([
    UNIT.A,
  ]);
  // A township user may not redefine the county's scheme, rank or recompute, even with the rights.
  const put = await request(t.app)
    .put('/schemes/2019')
    .set(bearer(town))
    .send({ tracks: [], revision: 1 });
  expect(put.status).toBe(400);
  const recompute = await request(t.app)
    .post('/quarters/2019/1/recompute')
    .set(bearer(town))
    .send({ reason: '乡镇要求重算' });
  expect(recompute.status).toBe(403);
  expect(recompute.body.code).toBe('FORBIDDEN_AREA');
  const stats = await as(town, '/statistics/overview?year=2019');
  expect(stats.body).toMatchObject({ year: 2019, quartersRanked: 1, yellowCards: 0 });
  const county = await as(t.tokens.county, '/statistics/overview?year=2019');
  expect(county.body).toMatchObject({ quartersRanked: 1, yellowCards: 1, accountability: 0 });
});

test('a caller without the assessment read right is refused', async () => {
  const res = await as(t.tokens.noRights, '/rankings');
  expect(res.status).toBe(403);
  expect(res.body.code).toBe('FORBIDDEN_RIGHT');
});

test('the quarterly ranking notice prints in Chinese as PDF, with the chart, and as XLSX', async () => {
  const pdf = await buffer(as(t.tokens.county, '/rankings/2019-Q1-v1/notice'));
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect(decodeURIComponent(pdf.headers['content-disposition']!)).toContain(
    '2019年第1季度考核排名通报（第1版）.pdf',
  );
  const text = await pdfText(binary(pdf));
  expect(text).toContain('2019年第1季度脱贫攻坚工作考核排名通报');
  for (const name of [
    '城关镇',
    '南强镇',
    '汾市乡',
    '预黄牌',
    '乡镇考核排名得分（满分 100）',
    '100.00',
    '50.00',
  ])
    expect(text).toContain(name);
  expect(text).toContain('汾市乡：排名第 3 名（共 3 个），给予预黄牌警告。');

  const xlsx = await buffer(as(t.tokens.county, '/rankings/2019-Q1-v1/notice?format=xlsx'));
  expect(xlsx.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(binary(xlsx) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('乡镇考核排名')!;
  const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows[0]![1]).toBe('2019年第1季度脱贫攻坚工作考核排名通报');
  expect(rows[2]!.slice(1, 4)).toEqual(['排名', '乡镇', '得分']);
  expect(rows.slice(3).map((r) => r.slice(1, 4))).toEqual([
    [1, '城关镇', 100],
    [2, '南强镇', 50],
    [3, '汾市乡', 0],
  ]);
  expect(rows[5]!.at(-2)).toBe('是');

  // A township user's notice holds its own row only.
  const own = await buffer(as(t.tokens.townshipA, '/rankings/2019-Q1-v1/notice'));
  const ownText = await pdfText(binary(own));
  expect(ownText).toContain('城关镇');
  expect(ownText).not.toContain('汾市乡');
});

test('the monthly bulletin prints the month scored with the scheme, without warnings, and the late tasks of the schedule', async () => {
  // 倒排工期: a task past its deadline on the day the bulletin is made.
  const task = await request(t.app).post('/tasks').set(bearer(t.tokens.county)).send({
    code: 'RW-01',
    title: '完成建档立卡动态调整',
    ownerUnit: '县扶贫办',
    areaCode: TOWNSHIP_A,
    startOn: '2019-01-01',
    dueOn: '2019-02-28',
  });
  expect(task.status).toBe(201);
  const pdf = await buffer(as(t.tokens.county, '/bulletins/monthly/2019-03'));
  expect(pdf.status).toBe(200);
  const text = await pdfText(binary(pdf));
  expect(text).toContain('2019年3月脱贫攻坚工作月通报');
  expect(text).toContain('统计期间：2019-03-01 至 2019-03-31');
  expect(text).toContain('南强镇');
  expect(text).not.toContain('给予预黄牌警告');
  expect(text).toContain('倒排工期逾期和临期任务');
  expect(text).toContain('完成建档立卡动态调整');
  expect(text).toMatch(/倒排工期（截至 \d{4}-\d{2}-\d{2}）：逾期 1 项/);

  const xlsx = await buffer(as(t.tokens.county, '/bulletins/monthly/2019-03?format=xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(binary(xlsx) as unknown as ArrayBuffer);
  const rows = wb.getWorksheet('乡镇工作进度')!.getSheetValues().filter(Boolean) as unknown[][];
  // One month: 南强镇 visited one of two households (50%), so the same score as the quarter.
  expect(rows.slice(3).map((r) => [r[2], r[3]])).toEqual([
    ['城关镇', 100],
    ['南强镇', 50],
    ['汾市乡', 0],
  ]);
  const bad = await as(t.tokens.county, '/bulletins/monthly/2019-13');
  expect(bad.status).toBe(400);
  expect(bad.body.code).toBe('ASSESSMENT_MONTH_INVALID');
});
