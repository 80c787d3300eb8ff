import { auditModel } from '@fupin/kit';
import { maskBankAccount, maskIdNumber, maskPhone } from '@fupin/reference';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { as, binary, XLSX } from './fixtures/import-files';
import {
  idNumber,
  startRegistry,
  type TestRegistry,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';

let t: TestRegistry;

const PHONE = '13812345678';
const ACCOUNT = '6222020200112233445';

/** Six households, two members each; the even ones are poor through illness. */
const HOUSEHOLDS = [VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, VILLAGE_A1, VILLAGE_A2, VILLAGE_B1].map(
  (village, i) => ({
    householdNo: `EXP-${i}`,
    areaCode: village,
    phone: PHONE,
    bankName: '农村信用社',
    bankAccount: ACCOUNT,
    mainCause: i % 2 === 0 ? 'illness' : 'disability',
    status: 'in_poverty',
    members: [
      { name: `户主${i}`, idNumber: idNumber('1960-03-01', 60 + i, 'male'), relation: 'head' },
      {
        name: `配偶${i}`,
        idNumber: idNumber('1962-07-15', 70 + i, 'female'),
        relation: 'spouse',
        phone: '13912345678',
      },
    ],
  }),
);
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await startRegistry();
  for (const h of HOUSEHOLDS) {
    const res = await request(t.app).post('/households').set(as(t.tokens.county)).send(h);
    expect(res.status).toBe(201);
    ids.set(h.householdNo, res.body.id);
  }
});
afterAll(async () => {
  await t.close();
});

const illness = HOUSEHOLDS.filter((h) => h.mainCause === 'illness');
const idsOf = (hs: { householdNo: string }[]) => hs.map((h) => ids.get(h.householdNo)!).sort();

type Cells = Record<string, string | number | null>;

/** Asks for the export and reads the workbook back with exceljs: its data rows by header. */
async function exportRows(
  token: string,
  query: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const res = await request(t.app)
    .get('/exports/households.xlsx')
    .query(query)
    .set({ ...as(token), ...headers })
    .buffer(true)
    .parse(binary);
  if (res.status !== 200) {
    // A refusal is problem+json, read here through the binary parser.
    const body = JSON.parse((res.body as Buffer).toString('utf8'));
    return { status: res.status, body, rows: [] as Cells[] };
  }
  expect(res.headers['content-type']).toContain(XLSX);
  expect(res.headers['content-disposition']).toMatch(/attachment; filename=.*\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  const ws = wb.getWorksheet('户与成员');
  if (!ws) throw new Error('the export has no 户与成员 sheet');
  const header = (ws.getRow(1).values as unknown[]).map((h) =>
    typeof h === 'string' ? h.replace(/\*$/, '') : null,
  );
  const rows: Cells[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: Cells = {};
    (row.values as unknown[]).forEach((v, col) => {
      const name = header[col];
      if (name) cells[name] = v === undefined ? null : (v as string | number);
    });
    rows.push(cells);
  });
  return { status: res.status, body: null, rows };
}

async function auditEntriesAfter(count: number) {
  const all = await auditModel(t.rt.conn).find().sort({ at: 1 }).lean();
  return all.slice(count);
}

test('an export of a filtered list shows only the matching households, ID numbers, phones and accounts masked, and is audited', async () => {
  const before = await auditModel(t.rt.conn).countDocuments();
  const started = new Date();
  const { status, rows } = await exportRows(t.tokens.county, {
    filter: JSON.stringify({ mainCause: 'illness' }),
  });
  expect(status).toBe(200);

  // One row per member of each matching household, and nothing else.
  expect(rows.map((r) => `${r['户编号']}/${r['成员姓名']}`).sort()).toEqual(
    illness.flatMap((h) => h.members.map((m) => `${h.householdNo}/${m.name}`)).sort(),
  );
  for (const r of rows) {
    const h = HOUSEHOLDS.find((x) => x.householdNo === r['户编号'])!;
    const m = h.members.find((x) => x.name === r['成员姓名'])!;
    expect(r['主要致贫原因']).toBe('因病');
    expect(r['身份证号']).toBe(maskIdNumber(m.idNumber));
    expect(r['身份证号']).not.toBe(m.idNumber);
    expect(r['户联系电话']).toBe(maskPhone(PHONE));
    expect(r['银行账号']).toBe(maskBankAccount(ACCOUNT));
    expect(r['成员联系电话'] ?? null).toBe(m.phone ? maskPhone(m.phone) : null);
  }

  const entries = await auditEntriesAfter(before);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    action: 'export',
    actorId: 'u-county',
    subjectType: 'household',
    fields: [],
    reason: null,
    count: illness.length,
  });
  expect([...entries[0]!.subjectIds].sort()).toEqual(idsOf(illness));
  expect(entries[0]!.at.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
});

test('an unmasked export needs the unmask right and a reason; refusals export and audit nothing', async () => {
  const before = await auditModel(t.rt.conn).countDocuments();
  const noRight = await exportRows(t.tokens.countyNoUnmask, {
    unmask: 'true',
    reason: '核对银行账号',
  });
  expect({ status: noRight.status, code: noRight.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_UNMASK',
  });
  const noReason = await exportRows(t.tokens.county, { unmask: 'true' });
  expect({ status: noReason.status, code: noReason.body.code }).toEqual({
    status: 400,
    code: 'AUDIT_REASON_REQUIRED',
  });
  expect(noReason.body.errors[0]).toMatchObject({
    field: 'reason',
    message: { 'zh-CN': expect.any(String), en: expect.any(String) },
  });
  const noExportRight = await exportRows(t.tokens.townshipAReader, {});
  expect(noExportRight.status).toBe(403);
  expect(await auditModel(t.rt.conn).countDocuments()).toBe(before);
});

test('an unmasked export shows the clear values and records who, when, which households and why', async () => {
  const before = await auditModel(t.rt.conn).countDocuments();
  const started = new Date();
  const { status, rows } = await exportRows(
    t.tokens.county,
    {
      filter: JSON.stringify({ mainCause: 'illness' }),
      unmask: 'true',
      reason: '核对低保发放账号',
    },
    { 'x-request-id': 'req-export-1' },
  );
  expect(status).toBe(200);
  expect(rows).toHaveLength(illness.length * 2);
  for (const r of rows) {
    const m = HOUSEHOLDS.flatMap((h) => h.members).find((x) => x.name === r['成员姓名'])!;
    expect(r['身份证号']).toBe(m.idNumber);
    expect(r['户联系电话']).toBe(PHONE);
    expect(r['银行账号']).toBe(ACCOUNT);
  }

  const entries = await auditEntriesAfter(before);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    action: 'export',
    actorId: 'u-county',
    actorName: '县扶贫办',
    subjectType: 'household',
    fields: expect.arrayContaining(['members.idNumber', 'phone', 'bankAccount']),
    reason: '核对低保发放账号',
    requestId: 'req-export-1',
    count: illness.length,
  });
  expect([...entries[0]!.subjectIds].sort()).toEqual(idsOf(illness));
  expect(entries[0]!.at.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
  expect(entries[0]!.at.getTime()).toBeLessThanOrEqual(Date.now());
});

test('an export that matches nothing is still audited', async () => {
  const before = await auditModel(t.rt.conn).countDocuments();
  const { status, rows } = await exportRows(t.tokens.county, {
    filter: JSON.stringify({ mainCause: 'disaster' }),
  });
  expect(status).toBe(200);
  expect(rows).toEqual([]);
  const entries = await auditEntriesAfter(before);
  expect(entries).toMatchObject([
    { action: 'export', actorId: 'u-county', subjectIds: [], count: 0 },
  ]);
});

test('the export comes in the order of the list it was taken from', async () => {
  const households = (rows: Cells[]) => [...new Set(rows.map((r) => String(r['户编号'])))];
  const numbers = HOUSEHOLDS.map((h) => h.householdNo).sort();
  const asc = await exportRows(t.tokens.county, { sort: JSON.stringify(['householdNo', 'ASC']) });
  expect(households(asc.rows)).toEqual(numbers);
  const desc = await exportRows(t.tokens.county, { sort: JSON.stringify(['householdNo', 'DESC']) });
  expect(households(desc.rows)).toEqual([...numbers].reverse());
  // Members stay with their household, the head first.
  expect(desc.rows.slice(0, 2).map((r) => r['成员姓名'])).toEqual(['户主5', '配偶5']);
  const refused = await exportRows(t.tokens.county, { sort: JSON.stringify(['idNumber', 'ASC']) });
  expect(refused.status).toBe(400);
  expect(refused.body.code).toBe('LIST_SORT_INVALID');
});

test('a masked export keeps the reason it was given in its audit record', async () => {
  const before = await auditModel(t.rt.conn).countDocuments();
  const { status } = await exportRows(t.tokens.county, {
    filter: JSON.stringify({ mainCause: 'disability' }),
    reason: '  季度台账核对  ',
  });
  expect(status).toBe(200);
  const entries = await auditEntriesAfter(before);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ action: 'export', fields: [], reason: '季度台账核对' });
});
