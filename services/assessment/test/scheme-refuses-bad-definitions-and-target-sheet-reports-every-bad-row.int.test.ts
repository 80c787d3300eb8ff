import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  bearer,
  startAssessment,
  testClock,
  type TestAssessment,
  TOWNSHIP_A,
  TOWNSHIP_B,
} from './fixtures/assessment';
import { deliver, EVENTS, SCHEME_2019, townshipsKnown, UNIT } from './fixtures/scenario';

let t: TestAssessment;
const clock = testClock('2019-04-02T02:00:00Z');

beforeAll(async () => {
  t = await startAssessment({ now: clock.now });
  await deliver(t, EVENTS.Q1);
  await townshipsKnown(t);
});
afterAll(async () => {
  await t?.close();
});

const put = (body: unknown, token = t.tokens.county) =>
  request(t.app)
    .put('/schemes/2019')
    .set(bearer(token))
    .send(body as object);

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分解表');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a scheme with wrong weights, inapplicable indicators, bad bounds or unknown units is refused, naming each field', async () => {
  const res = await put({
    revision: 0,
    tracks: [
      {
        kind: 'township',
        units: [{ code: TOWNSHIP_A }, { code: '431121101201' }],
        indicators: [
          { code: 'visit_coverage', weight: 50, floor: 100, target: 80 },
          { code: 'findings_open', weight: 40, rule: 'rank' },
        ],
      },
      {
        kind: 'department',
        units: [{ code: 'education' }, { code: 'nobody' }],
        indicators: [
          { code: 'visit_coverage', weight: 40 },
          { code: 'dropouts_open', weight: 60, rule: 'rank' },
        ],
      },
    ],
  });
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('ASSESSMENT_SCHEME_INVALID');
  expect(
    (res.body.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  ).toEqual([
    ['tracks.0.units.1.code', 'not_township'],
    ['tracks.0.indicators.0.target', 'invalid_bounds'],
    ['tracks.0.indicators', 'weights_not_100'],
    ['tracks.1.units.1.code', 'not_department'],
    ['tracks.1.indicators.0.code', 'not_applicable'],
  ]);
  expect(await t.assessment.models.schemes.countDocuments()).toBe(0);
});

test('a scheme is defined by a county-wide user, takes unit names from the registry, and refuses a stale revision', async () => {
  expect((await put(SCHEME_2019, t.tokens.townshipA)).body.code).toBe('FORBIDDEN_AREA');
  expect((await put(SCHEME_2019, t.tokens.noRights)).body.code).toBe('FORBIDDEN_RIGHT');
  const ok = await put(SCHEME_2019);
  expect(ok.status).toBe(200);
  expect(ok.body.revision).toBe(1);
  expect(ok.body.tracks[0].units.map((u: { name: string }) => u.name)).toEqual([
    '城关镇',
    '南强镇',
    '汾市乡',
  ]);
  const stale = await put(SCHEME_2019);
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ code: 'ASSESSMENT_SCHEME_STALE', currentRevision: 1 });
});

test('the target sheet stores good rows and reports every bad one with its row and reason', async () => {
  const file = await workbook([
    ['2019年临武县脱贫攻坚工作考核任务分解表'],
    ['考核单位', '考核指标', '底线值', '目标值'],
    ['南强镇', '入户走访覆盖率', '0', '50%'],
    ['城关镇', 'helper_coverage', '', '90'],
    ['金江镇', '入户走访覆盖率', '', '90'],
    ['汾市乡', '人均纯收入', '', '90'],
    ['汾市乡', '比对疑点未销号数', '', '0'],
    ['汾市乡', '入户走访覆盖率', '', '百分之九十'],
    ['汾市乡', '帮扶责任人落实率', '80', '60'],
    ['南强镇', 'visit_coverage', '', '70'],
    ['', '入户走访覆盖率', '', '70'],
    [TOWNSHIP_B, '帮扶责任人落实率', '', ''],
  ]);
  const dry = await request(t.app)
    .post('/schemes/2019/targets/import?dryRun=true')
    .set(bearer(t.tokens.county))
    .set('content-type', 'application/octet-stream')
    .send(file);
  expect(dry.status).toBe(200);
  expect(dry.body).toMatchObject({ dryRun: true, rows: 10, accepted: 2, rejected: 8, revision: 1 });
  expect((await t.assessment.models.schemes.findById('2019').lean())!.targets).toEqual([]);

  const res = await request(t.app)
    .post('/schemes/2019/targets/import')
    .set(bearer(t.tokens.county))
    .set('content-type', 'application/octet-stream')
    .send(file);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    format: 'xlsx',
    dryRun: false,
    rows: 10,
    accepted: 2,
    rejected: 8,
    revision: 2,
  });
  expect(
    (res.body.rejections as { row: number; column: string; code: string }[]).map((r) => [
      r.row,
      r.column,
      r.code,
    ]),
  ).toEqual([
    [5, '考核单位', 'unknown_unit'],
    [6, '考核指标', 'unknown_indicator'],
    [7, '考核指标', 'rank_rule'],
    [8, '目标值', 'invalid_value'],
    [9, '目标值', 'invalid_bounds'],
    [10, '考核指标', 'duplicate'],
    [11, '考核单位', 'required'],
    [12, '目标值', 'required'],
  ]);
  expect(res.body.rejections[5].message['zh-CN']).toBe('与第 3 行重复（同一单位、同一指标）');
  const scheme = (await request(t.app).get('/schemes/2019').set(bearer(t.tokens.county))).body;
  expect(scheme.targets).toEqual([
    {
      unitKind: 'township',
      unitCode: TOWNSHIP_B,
      indicator: 'visit_coverage',
      floor: 0,
      target: 50,
    },
    {
      unitKind: 'township',
      unitCode: TOWNSHIP_A,
      indicator: 'helper_coverage',
      floor: null,
      target: 90,
    },
  ]);
});

test("a unit's imported target is what its score is measured against, and the template carries it", async () => {
  const preview = await request(t.app).get('/quarters/2019/1/preview').set(bearer(t.tokens.county));
  const b = (
    preview.body.results as {
      unitId: string;
      scoreCenti: number;
      indicators: { code: string; explanation: { zh: string } }[];
    }[]
  ).find((r) => r.unitId === UNIT.B)!;
  // 南强镇 visited half its households: its own target of 50% earns the full 50 points.
  expect(b.scoreCenti).toBe(7500);
  expect(b.indicators[0]!.explanation.zh).toBe(
    '入户走访覆盖率 50.00%，底线 0.00%、目标 50.00%（分解表目标），按线性插值得权重 50 分的 100.00%，计 50.00 分',
  );
  const tpl = await request(t.app)
    .get('/schemes/2019/targets/template.xlsx')
    .set(bearer(t.tokens.county))
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(tpl.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.body as ArrayBuffer);
  const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows[1]!.slice(1, 6)).toEqual(['考核单位', '单位代码', '考核指标', '底线值', '目标值']);
  expect(rows.find((r) => r[1] === '南强镇' && r[3] === '入户走访覆盖率')!.slice(4, 6)).toEqual([
    0, 50,
  ]);
  // The template read back changes nothing but is accepted row by row.
  const back = await request(t.app)
    .post('/schemes/2019/targets/import?dryRun=true')
    .set(bearer(t.tokens.county))
    .set('content-type', 'application/octet-stream')
    .send(tpl.body as Buffer);
  expect(back.body).toMatchObject({ rows: 6, accepted: 6, rejected: 0 });
});

test('an empty upload or a file without the header is refused with the reason', async () => {
  const empty = await request(t.app)
    .post('/schemes/2019/targets/import')
    .set(bearer(t.tokens.county))
    .set('content-type', 'application/octet-stream')
    .send(Buffer.alloc(0));
  expect(empty.status).toBe(422);
  expect(empty.body.code).toBe('IMPORT_FILE_EMPTY');
  const noHeader = await request(t.app)
    .post('/schemes/2019/targets/import')
    .set(bearer(t.tokens.county))
    .set('content-type', 'text/csv')
    .send(Buffer.from('单位,数值\n城关镇,1\n'));
  expect(noHeader.body).toMatchObject({
    accepted: 0,
    rejected: 1,
    rejections: [{ row: 1, code: 'header_missing' }],
  });
  const missing = await request(t.app).get('/schemes/2018').set(bearer(t.tokens.county));
  expect(missing.status).toBe(404);
  expect(missing.body.code).toBe('ASSESSMENT_SCHEME_NOT_FOUND');
});
