import { HouseholdRegistered, MemberAdded } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import {
  startRegistry,
  type TestRegistry,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';
import {
  importFile,
  type SheetRow,
  uniqueId,
  workbookFromTemplate,
  seedImportAreas,
} from './fixtures/import-files';

let t: TestRegistry;
beforeAll(async () => {
  t = await startRegistry();
  await seedImportAreas(t.app, t.tokens.county);
});
afterAll(async () => {
  await t.close();
});

const HOUSEHOLDS = 1000;
const VILLAGES = [VILLAGE_A1, VILLAGE_A2, VILLAGE_B1];

/** One kind of mistake per bad row, and the column and code the report must name. */
const DEFECTS: { header: string; code: string; spoil: (r: SheetRow) => void; first?: true }[] = [
  {
    header: '身份证号',
    code: 'ID_CHECKSUM',
    spoil: (r) => {
      const id = String(r['身份证号']);
      r['身份证号'] = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
    },
  },
  { header: '与户主关系', code: 'unknown_label', spoil: (r) => (r['与户主关系'] = '邻居') },
  {
    header: '行政村代码',
    code: 'too_long',
    spoil: (r) => (r['行政村代码'] = '4311211012010'),
    first: true,
  },
  {
    header: '出生日期',
    code: 'ID_BIRTH_DATE_MISMATCH',
    spoil: (r) => (r['出生日期'] = '2001-01-01'),
  },
  {
    header: '工资性收入（元）',
    code: 'MONEY_INVALID',
    spoil: (r) => (r['工资性收入（元）'] = '六千'),
    first: true,
  },
  { header: '成员姓名', code: 'required', spoil: (r) => (r['成员姓名'] = null) },
  { header: '是否在校生', code: 'not_yes_no', spoil: (r) => (r['是否在校生'] = '也许') },
];

function buildRows() {
  const rows: SheetRow[] = [];
  const bad = new Map<number, { header: string; code: string }>();
  /** The other rows of a refused household, with the bad row that refused them. */
  const siblings = new Map<number, number>();
  let k = 0;
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const size = 1 + (i % 3);
    const spoilt = i % 27 === 7 && k < 37 ? DEFECTS[k % DEFECTS.length] : undefined;
    const spoiltMember = spoilt ? (spoilt.first ? 0 : k % size) : -1;
    if (spoilt) k++;
    const firstRow = rows.length + 2;
    for (let j = 0; j < size; j++) {
      const n = i * 3 + j;
      const id = uniqueId(n);
      const r: SheetRow = {
        户编号: `IMP-${String(i).padStart(4, '0')}`,
        行政村代码: VILLAGES[i % 3]!,
        贫困户属性: i % 2 ? '一般贫困户' : '低保户',
        主要致贫原因: '因病',
        其他致贫原因: '缺技术、缺资金',
        住房安全保障是否达标: i % 5 === 0 ? '否' : '是',
        收入年度: 2019,
        '工资性收入（元）': '6000.50',
        '转移性收入（元）': 1200,
        成员姓名: `成员${i}-${j}`,
        身份证号: id,
        与户主关系: j === 0 ? '户主' : j === 1 ? '配偶' : '之子',
        出生日期: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        是否在校生: '否',
        健康状况: '健康',
      };
      // The household columns may be left blank on a household's later rows.
      if (j > 0) for (const h of ['贫困户属性', '主要致贫原因', '收入年度']) r[h] = null;
      if (j === spoiltMember && spoilt) {
        spoilt.spoil(r);
        bad.set(rows.length + 2, { header: spoilt.header, code: spoilt.code });
      }
      rows.push(r);
    }
    if (spoilt)
      for (let j = 0; j < size; j++)
        if (j !== spoiltMember) siblings.set(firstRow + j, firstRow + spoiltMember);
  }
  return { rows, bad, siblings };
}

async function publishedOffsets(): Promise<number> {
  const admin = t.rt.kafka.admin();
  await admin.connect();
  try {
    let sum = 0;
    for (const topic of new Set([HouseholdRegistered.topic, MemberAdded.topic])) {
      for (const p of await admin.fetchTopicOffsets(t.rt.topic(topic))) sum += Number(p.high);
    }
    return sum;
  } finally {
    await admin.disconnect();
  }
}

async function allPublished() {
  await eventually(
    async () =>
      expect(await t.registry.models.households.countDocuments({ hasOutbox: true })).toBe(0),
    { timeoutMs: 60_000, intervalMs: 200 },
  );
}

test('a workbook of 1,000 households with 37 bad rows stores 963 households and reports every row of the 37 refused households in row order; importing it again changes nothing', async () => {
  const { rows, bad, siblings } = buildRows();
  expect(bad.size).toBe(37);
  const refusedRows = bad.size + siblings.size;
  const file = await workbookFromTemplate(t.app, t.tokens.county, rows);

  const { job, polls } = await importFile(t.app, t.tokens.county, file);

  expect(job.status).toBe('completed');
  expect(job.counts).toEqual({
    householdsCreated: 963,
    householdsUpdated: 0,
    householdsUnchanged: 0,
    householdsRejected: 37,
    rowsRejected: refusedRows,
  });
  expect(job.rowsTotal).toBe(rows.length);
  expect(job.rowsDone).toBe(rows.length);
  // Progress was readable while the job ran, and never went backwards.
  expect(polls.some((p) => p.status !== 'completed')).toBe(true);
  const done = polls.map((p) => p.rowsDone);
  expect(done).toEqual([...done].sort((a, b) => a - b));

  // Every row of a refused household is listed, in row order: the bad row with its reason,
  // the others saying which row of their household refused them.
  expect(job.rejected.map((r) => r.row)).toEqual(
    [...bad.keys(), ...siblings.keys()].sort((a, b) => a - b),
  );
  for (const r of job.rejected.filter((x) => siblings.has(x.row))) {
    const badRow = siblings.get(r.row)!;
    expect(r).toMatchObject({ refusedBecauseOf: [badRow] });
    expect(r.errors).toEqual([
      {
        column: null,
        header: null,
        code: 'same_household_invalid',
        message: {
          'zh-CN': `同户第${badRow}行有误，整户未导入`,
          en: `not stored: row ${badRow} of the same household is invalid`,
        },
      },
    ]);
  }
  for (const r of job.rejected.filter((x) => bad.has(x.row))) {
    const want = bad.get(r.row)!;
    expect(r.sheet).toBe('户与成员');
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          header: want.header,
          code: want.code,
          column: expect.stringMatching(/^[A-Z]{1,2}$/),
          message: { 'zh-CN': expect.any(String), en: expect.any(String) },
        }),
      ]),
    );
  }

  const households = t.registry.models.households;
  expect(await households.countDocuments()).toBe(963);
  // No half-written household: every rejected row's household is absent altogether.
  const rejectedNos = job.rejected.map((r) => r.householdNo);
  expect(await households.countDocuments({ householdNo: { $in: rejectedNos } })).toBe(0);
  const sample = await households.findOne({ householdNo: 'IMP-0002' }).lean();
  expect(sample).toMatchObject({
    areaCode: VILLAGE_B1,
    size: 3,
    headName: '成员2-0',
    attribute: 'minimum_allowance',
    mainCause: 'illness',
    otherCauses: ['lack_of_skills', 'lack_of_capital'],
    income: {
      year: 2019,
      wagesFen: 600_050,
      productionFen: 0,
      propertyFen: 0,
      transferFen: 120_000,
    },
    status: 'candidate',
  });
  expect(sample?.members.map((m) => m.relation)).toEqual(['head', 'spouse', 'son']);
  expect(sample?.memberIdHashes).toContain(t.registry.cipher.hash(uniqueId(6)));

  await allPublished();
  const offsets = await publishedOffsets();
  const revisions = await households
    .find({}, { householdNo: 1, revision: 1, updatedAt: 1 })
    .sort({ householdNo: 1 })
    .lean();
  expect(offsets).toBeGreaterThanOrEqual(963);

  const again = await importFile(t.app, t.tokens.county, file);
  expect(again.job.counts).toEqual({
    householdsCreated: 0,
    householdsUpdated: 0,
    householdsUnchanged: 963,
    householdsRejected: 37,
    rowsRejected: refusedRows,
  });
  expect(await households.countDocuments()).toBe(963);
  expect(
    await households
      .find({}, { householdNo: 1, revision: 1, updatedAt: 1 })
      .sort({ householdNo: 1 })
      .lean(),
  ).toEqual(revisions);
  await allPublished();
  await new Promise((r) => setTimeout(r, 500));
  expect(await publishedOffsets()).toBe(offsets);
});
