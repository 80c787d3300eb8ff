import request from 'supertest';
import { warningEvidenceModel } from '../src/monitoring/warning-evidence.model';
import { warningModel } from '../src/monitoring/warning.model';
import { startRegistry, type TestRegistry, TOWNSHIP_A, VILLAGE_A1 } from './fixtures/registry';
import { as, registerHousehold, seedAreas } from './fixtures/villages';

// 佐证材料: a township uploads a photo and a document for an open warning (the raw body with its
// type), dismisses it naming them as `file:<id>`, and reads them back byte for byte; the bytes are
// sealed at rest. A file of another warning is refused as evidence (422, field evidence), another
// township reaches neither the upload nor the file, and a file whose bytes are not its type is
// refused (415).

let t: TestRegistry;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

async function openWarning(id: string, householdId: string): Promise<void> {
  await warningModel(t.rt.conn).create({
    _id: id,
    householdId,
    householdNo: `XT-${id}`,
    headName: '甲',
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    householdStatus: 'exited',
    status: 'open',
    signals: [],
    suggestedCategory: 'unstable',
    raisedAt: new Date(),
    dueOn: '2099-01-01',
    lastScreeningId: 'run-1',
    lastScreenedAt: new Date(),
    decision: null,
    events: [],
    revision: 1,
  });
}

function upload(token: string, warningId: string, type: string, data: Buffer, name: string) {
  return request(t.app)
    .post(`/monitoring/warnings/${warningId}/evidence`)
    .query({ fileName: name })
    .set(as(token))
    .set('content-type', type)
    .send(data);
}

beforeAll(async () => {
  t = await startRegistry();
  await seedAreas(t);
  const h1 = await registerHousehold(t, { village: VILLAGE_A1, status: 'exited' });
  const h2 = await registerHousehold(t, { village: VILLAGE_A1, status: 'exited' });
  await openWarning('w-evidence-1', h1.id);
  await openWarning('w-evidence-2', h2.id);
}, 120_000);
afterAll(async () => {
  await t.close();
});

test('a warning is dismissed with an uploaded photo and document, read back byte-identical', async () => {
  const png = await upload(t.tokens.townshipA, 'w-evidence-1', 'image/png', PNG, '现场照片.png');
  expect(png.status).toBe(201);
  expect(png.body).toEqual({
    id: expect.any(String),
    name: '现场照片.png',
    contentType: 'image/png',
    bytes: PNG.length,
  });
  const pdf = await upload(t.tokens.townshipA, 'w-evidence-1', 'application/pdf', PDF, '证明.pdf');
  expect(pdf.status).toBe(201);
  const other = await upload(t.tokens.townshipA, 'w-evidence-2', 'image/png', PNG, 'b.png');
  expect(other.status).toBe(201);

  // Sealed at rest: the stored bytes are not the file's.
  const stored = await warningEvidenceModel(t.rt.conn).findById(png.body.id).lean();
  expect(stored?.warningId).toBe('w-evidence-1');
  expect(stored?.areaCode).toBe(VILLAGE_A1);
  expect(Buffer.from(stored!.data.buffer ?? stored!.data).includes(PNG.subarray(0, 8))).toBe(false);

  // A file of another warning is no evidence of this one.
  const refused = await request(t.app)
    .post('/monitoring/warnings/w-evidence-1/dismiss')
    .set(as(t.tokens.townshipA))
    .send({ reason: '入户核实收入稳定', evidence: [`file:${other.body.id}`] });
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([
    expect.objectContaining({ field: 'evidence', code: 'unknown_file' }),
  ]);
  expect(refused.body.errors[0].message['zh-CN']).toContain(other.body.id);
  expect(refused.body.errors[0].message.en).toContain(other.body.id);

  const dismissed = await request(t.app)
    .post('/monitoring/warnings/w-evidence-1/dismiss')
    .set(as(t.tokens.townshipA))
    .send({
      reason: '入户核实收入稳定',
      evidence: [`file:${png.body.id}`, `file:${pdf.body.id}`, '村委证明'],
    });
  expect(dismissed.status).toBe(200);
  expect(dismissed.body.decision.evidence).toEqual([
    `file:${png.body.id}`,
    `file:${pdf.body.id}`,
    '村委证明',
  ]);

  for (const [file, bytes, type] of [
    [png.body.id, PNG, 'image/png'],
    [pdf.body.id, PDF, 'application/pdf'],
  ] as const) {
    const got = await request(t.app)
      .get(`/monitoring/warnings/w-evidence-1/evidence/${file}`)
      .set(as(t.tokens.county))
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => cb(null, Buffer.concat(parts)));
      });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe(type);
    expect(Buffer.compare(got.body as Buffer, bytes)).toBe(0);
  }
  // Not through another warning.
  const wrong = await request(t.app)
    .get(`/monitoring/warnings/w-evidence-2/evidence/${png.body.id}`)
    .set(as(t.tokens.county));
  expect(wrong.status).toBe(404);

  // A decided warning takes no more files.
  const late = await upload(t.tokens.townshipA, 'w-evidence-1', 'image/png', PNG, 'c.png');
  expect(late.status).toBe(409);
});

test('another township reaches neither the upload nor the file', async () => {
  // A write on another township's record: 403, as its dismissal is (a read: 404).
  const up = await upload(t.tokens.townshipB, 'w-evidence-2', 'image/png', PNG, 'x.png');
  expect(up.status).toBe(403);
  expect(await warningEvidenceModel(t.rt.conn).countDocuments({ name: 'x.png' })).toBe(0);
  const own = await upload(t.tokens.townshipA, 'w-evidence-2', 'image/png', PNG, 'y.png');
  expect(own.status).toBe(201);
  const read = await request(t.app)
    .get(`/monitoring/warnings/w-evidence-2/evidence/${own.body.id}`)
    .set(as(t.tokens.townshipB));
  expect(read.status).toBe(404);
});

test('a file whose bytes are not its declared type is refused', async () => {
  const res = await upload(t.tokens.townshipA, 'w-evidence-2', 'application/pdf', PNG, 'z.pdf');
  expect(res.status).toBe(415);
  expect(res.body.code).toBe('REGISTRY_EVIDENCE_TYPE');
  const text = await upload(t.tokens.townshipA, 'w-evidence-2', 'text/plain', PDF, 'z.txt');
  expect(text.status).toBe(415);
});
