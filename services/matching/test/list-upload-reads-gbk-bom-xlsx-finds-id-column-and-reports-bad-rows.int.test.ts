import {
  bearer,
  COUNTY,
  csv,
  idNumber,
  startMatching,
  type TestMatching,
  TOWNSHIP_A,
  xlsx,
} from './fixtures/matching';

let t: TestMatching;
beforeAll(async () => {
  t = await startMatching();
});
afterAll(async () => {
  await t.close();
});

const A = idNumber('1970-01-01', 1, 'male');
const B = idNumber('1981-02-03', 2, 'female');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const query = { type: 'vehicles', date: '2026-03-31' };

interface ListBody {
  id: string;
  status: string;
  encoding: string | null;
  format: string;
  idColumn: string;
  version: number;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  warningsCount: number;
  rejected: {
    row: number;
    column: string;
    code: string;
    value: string;
    message: Record<string, string>;
  }[];
  warnings: { row: number; code: string }[];
  rejectedByCode: Record<string, number>;
}

/** The keyed hashes a list stored, read back through the run's own reader. */
async function storedHashes(listId: string): Promise<string[]> {
  const list = await t.matching.lists.byIds([listId]);
  const out: string[] = [];
  for await (const reader of t.matching.lists.rows(listId, list[0]!.segments))
    while (reader.next()) out.push(reader.row().hash.toString('hex'));
  return out;
}

test.each([
  ['UTF-8', 'utf-8' as const, 'utf-8'],
  ['UTF-8 with BOM', 'utf-8-bom' as const, 'utf-8'],
  ['GBK', 'gbk' as const, 'gb18030'],
])(
  'a %s CSV is read with its Chinese header and every ID number hashed',
  async (_n, enc, expected) => {
    const file = csv(
      [
        ['姓名', '身份证号', '车牌号'],
        ['张三', A, '湘E12345'],
        ['李四', B, '湘E54321'],
      ],
      enc,
    );
    const res = await t.upload(t.tokens.county, file, query);
    expect(res.status).toBe(201);
    const body = res.body as ListBody;
    expect(body).toMatchObject({
      status: 'ready',
      encoding: expected,
      idColumn: '身份证号',
      rowsRead: 2,
      rowsAccepted: 2,
      rowsRejected: 0,
    });
    expect((await storedHashes(body.id)).sort()).toEqual(
      [A, B].map((v) => t.matching.cipher.hash(v)).sort(),
    );
    const listed = await t.api().get(`/lists/${body.id}`).set(bearer(t.tokens.county));
    expect(listed.body).toMatchObject({
      headers: ['姓名', '身份证号', '车牌号'],
      evidenceHeaders: ['姓名', '车牌号'],
    });
  },
);

test.each(['身份证号', '身份证号码', '公民身份号码', '证件号码'])(
  'the ID column is found under the header %s',
  async (header) => {
    const res = await t.upload(
      t.tokens.county,
      csv([
        ['序号', header, '备注'],
        [1, A, ''],
      ]),
      query,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ idColumn: header, rowsAccepted: 1 });
  },
);

test('an ID column under another header is used when chosen, by name or letter', async () => {
  const rows = [
    ['姓名', '号码'],
    ['张三', A],
  ];
  const missing = await t.upload(t.tokens.county, csv(rows), query);
  expect(missing.status).toBe(422);
  expect(missing.body).toMatchObject({ code: 'MATCHING_LIST_ID_COLUMN_NOT_FOUND' });
  expect(JSON.stringify(missing.body)).toContain('号码');
  for (const idColumn of ['号码', 'B', '2']) {
    const res = await t.upload(t.tokens.county, csv(rows), { ...query, idColumn });
    expect({ idColumn, status: res.status, col: (res.body as ListBody).idColumn }).toEqual({
      idColumn,
      status: 201,
      col: '号码',
    });
  }
});

test('an XLSX list is read from its first worksheet', async () => {
  const res = await t.upload(
    t.tokens.county,
    await xlsx([
      ['姓名', '公民身份号码'],
      ['张三', A],
      ['李四', B],
    ]),
    query,
    XLSX,
  );
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ format: 'xlsx', encoding: null, rowsAccepted: 2 });
});

test('ID numbers are normalised (trim, x, full-width with a warning); bad ones are reported by row', async () => {
  const withX = idNumber('1970-01-01', 0, 'female').slice(0, 17);
  // Find a check character X: try sequence numbers until one ends in X.
  let x = '';
  for (let seq = 0; seq < 500 && !x; seq++) {
    const v = idNumber('1988-08-08', seq, 'male');
    if (v.endsWith('X')) x = v;
  }
  expect(x).not.toBe('');
  const fullWidth = B.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const res = await t.upload(
    t.tokens.county,
    csv([
      ['姓名', '身份证号'],
      ['小写x', ` ${x.toLowerCase()} `],
      ['全角', fullWidth],
      ['校验错', `${withX}${withX.endsWith('0') ? '1' : '0'}`.slice(0, 18)],
      ['太短', '4311211970'],
      ['空', ''],
      ['', ''],
    ]),
    query,
  );
  expect(res.status).toBe(201);
  const body = res.body as ListBody;
  expect(body).toMatchObject({ rowsRead: 5, rowsAccepted: 2, rowsRejected: 3, warningsCount: 1 });
  expect(body.warnings).toEqual([
    expect.objectContaining({ row: 3, code: 'ID_FULL_WIDTH_CONVERTED' }),
  ]);
  expect(body.rejected.map((r) => [r.row, r.code])).toEqual([
    [4, expect.stringMatching(/^ID_/)],
    [5, 'ID_LENGTH'],
    [6, 'ID_EMPTY'],
  ]);
  expect(body.rejected[0]!.message['zh-CN']).toBeTruthy();
  // The report never holds a clear number: values are masked.
  expect(JSON.stringify(body)).not.toMatch(/\d{17}[\dX]/);
  const hashes = await storedHashes(body.id);
  expect(hashes).toEqual(
    expect.arrayContaining([t.matching.cipher.hash(x), t.matching.cipher.hash(B)]),
  );
});

test('a list without any valid row, or without a header, stores nothing', async () => {
  const before = await t.rt.conn.db!.collection('department_list_segments').countDocuments();
  const bad = await t.upload(
    t.tokens.county,
    csv([
      ['姓名', '身份证号'],
      ['张三', '123'],
    ]),
    query,
  );
  expect(bad.status).toBe(422);
  expect(bad.body).toMatchObject({ code: 'MATCHING_LIST_NO_VALID_ROWS' });
  const empty = await t.upload(t.tokens.county, Buffer.alloc(0), query);
  expect(empty.status).toBe(400);
  expect(await t.rt.conn.db!.collection('department_list_segments').countDocuments()).toBe(before);
});

test('versions count up per type and area; a township uploads only within its area', async () => {
  const first = await t.upload(t.tokens.county, csv([['身份证号'], [A]]), {
    type: 'deaths',
    date: '2026-01-31',
  });
  const second = await t.upload(t.tokens.county, csv([['身份证号'], [B]]), {
    type: 'deaths',
    date: '2026-02-28',
  });
  expect([(first.body as ListBody).version, (second.body as ListBody).version]).toEqual([1, 2]);
  const outside = await t.upload(t.tokens.townshipA, csv([['身份证号'], [A]]), {
    ...query,
    area: COUNTY,
  });
  expect(outside.status).toBe(403);
  const own = await t.upload(t.tokens.townshipA, csv([['身份证号'], [A]]), {
    ...query,
    area: TOWNSHIP_A,
  });
  expect(own.status).toBe(201);
  const list = await t
    .api()
    .get('/lists')
    .query({ range: '[0,99]' })
    .set(bearer(t.tokens.townshipA));
  expect((list.body as { areaCode: string }[]).map((l) => l.areaCode)).toEqual([TOWNSHIP_A]);
});

test('bad upload parameters are refused with the field named', async () => {
  const res = await t.upload(t.tokens.county, csv([['身份证号'], [A]]), {
    type: 'cars',
    date: '2026-02-30',
  });
  expect(res.status).toBe(400);
  const fields = (res.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
  expect(fields).toEqual(['query.date', 'query.type']);
});
