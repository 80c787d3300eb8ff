import iconv from 'iconv-lite';
import { startRegistry, type TestRegistry, VILLAGE_A1 } from './fixtures/registry';
import { importFile, uniqueId, seedImportAreas } from './fixtures/import-files';

let t: TestRegistry;
beforeAll(async () => {
  t = await startRegistry();
  await seedImportAreas(t.app, t.tokens.county);
});
afterAll(async () => {
  await t.close();
});

const HEADER = '户编号,行政村代码,贫困户属性,主要致贫原因,成员姓名,身份证号,与户主关系,文化程度';

function csv(prefix: string, base: number): string {
  return [
    HEADER,
    `${prefix}-1,${VILLAGE_A1},低保贫困户,因病,张建国,${uniqueId(base)},户主,初中`,
    `${prefix}-1,,,,"李秀英, 之妻",${uniqueId(base + 1)},配偶,小学`,
    `${prefix}-2,${VILLAGE_A1},特困供养贫困户,因残,欧阳娜娜,${uniqueId(base + 2)},户主,文盲或半文盲`,
    // A bad row: the relation label is unknown; the row number counts the header as row 1.
    `${prefix}-3,${VILLAGE_A1},一般贫困户,缺技术,王五,${uniqueId(base + 3)},邻居,高中`,
  ].join('\r\n');
}

async function storedNames(prefix: string) {
  const hs = await t.registry.models.households
    .find({ householdNo: { $regex: `^${prefix}-` } })
    .sort({ householdNo: 1 })
    .lean();
  return hs.map((h) => ({
    no: h.householdNo,
    attribute: h.attribute,
    names: h.members.map((m) => m.name),
    education: h.members.map((m) => m.educationLevel),
  }));
}

const expected = (prefix: string) => [
  {
    no: `${prefix}-1`,
    attribute: 'minimum_allowance',
    names: ['张建国', '李秀英, 之妻'],
    education: ['junior_secondary', 'primary'],
  },
  { no: `${prefix}-2`, attribute: 'destitute', names: ['欧阳娜娜'], education: ['illiterate'] },
];

test('a CSV saved in GBK (Excel on Chinese Windows) is read with its Chinese intact', async () => {
  const file = iconv.encode(csv('GBK', 0), 'gbk');
  // Really GBK: not valid UTF-8.
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();

  const { job } = await importFile(t.app, t.tokens.county, file, {
    contentType: 'text/csv',
    fileName: '贫困户.csv',
  });

  expect(job).toMatchObject({ status: 'completed', format: 'csv', encoding: 'gb18030' });
  expect(job.counts).toMatchObject({ householdsCreated: 2, householdsRejected: 1 });
  expect(job.rejected).toEqual([
    expect.objectContaining({
      sheet: 'CSV',
      row: 5,
      householdNo: 'GBK-3',
      errors: [
        expect.objectContaining({ column: 'G', header: '与户主关系', code: 'unknown_label' }),
      ],
    }),
  ]);
  expect(job.rejected[0]!.errors[0]!.message['zh-CN']).toContain('邻居');
  expect(await storedNames('GBK')).toEqual(expected('GBK'));
});

test('a UTF-8 CSV with a byte-order mark is read, the mark not taken for part of the first header', async () => {
  const file = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(csv('BOM', 10), 'utf8'),
  ]);

  const { job } = await importFile(t.app, t.tokens.county, file, { contentType: 'text/csv' });

  expect(job).toMatchObject({ status: 'completed', format: 'csv', encoding: 'utf-8' });
  expect(job.counts).toMatchObject({ householdsCreated: 2, householdsRejected: 1 });
  expect(job.rejected.map((r) => r.row)).toEqual([5]);
  expect(await storedNames('BOM')).toEqual(expected('BOM'));
});

test('a UTF-8 CSV without a byte-order mark is read too', async () => {
  const { job } = await importFile(t.app, t.tokens.county, Buffer.from(csv('UTF', 20), 'utf8'), {
    contentType: 'text/csv',
  });
  expect(job).toMatchObject({ status: 'completed', encoding: 'utf-8' });
  expect(await storedNames('UTF')).toEqual(expected('UTF'));
});

test('a file without the required columns fails as a whole, saying which columns are missing', async () => {
  const { job } = await importFile(
    t.app,
    t.tokens.county,
    Buffer.from('户编号,身份证号\r\nX-1,1\r\n'),
    {
      contentType: 'text/csv',
    },
  );
  expect(job.status).toBe('failed');
  expect(job.error?.code).toBe('IMPORT_COLUMNS_MISSING');
  expect(JSON.stringify(job.error)).toContain('行政村代码');
});
