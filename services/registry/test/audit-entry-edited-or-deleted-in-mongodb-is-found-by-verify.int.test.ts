import { AuditLog, auditModel, type Principal } from '@fupin/kit';
import { COUNTY } from '@fupin/testing';
import request from 'supertest';
import { as } from './fixtures/import-files';
import { startRegistry, type TestRegistry } from './fixtures/registry';

let t: TestRegistry;
let auditorToken: string;
beforeAll(async () => {
  t = await startRegistry();
  // The auditor's default rights (gateway roles.ts): each module read, and audit read.
  auditorToken = await t.issuer.sign({
    sub: 'u-shenji',
    name: '审计员',
    area: COUNTY,
    roles: ['auditor'],
    rights: { registry: ['read'], audit: ['read'] },
  });
  const log = new AuditLog(t.rt.conn, 'registry');
  const clerk = { userId: 'u-county', username: '县扶贫办', areaCode: COUNTY } as Principal;
  for (let i = 1; i <= 6; i++)
    await log.record(clerk, {
      action: 'unmask',
      subjectType: 'household',
      subjectIds: [`h-${i}`],
      fields: ['idNumber'],
      reason: '入户核查',
    });
});
afterAll(async () => {
  await t.close();
});

const verify = (token: string) => request(t.app).get('/audit/verify').set(as(token));

test('the chain written by the service verifies whole for the auditor', async () => {
  const res = await verify(auditorToken);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    service: 'registry',
    ok: true,
    checked: 6,
    firstSeq: 1,
    lastSeq: 6,
    problems: [],
  });
  expect(new Date(res.body.verifiedAt).getTime()).not.toBeNaN();
});

test('the chain is refused (403) without the auditor right, even with every registry right', async () => {
  const res = await verify(t.tokens.county);
  expect(res.status).toBe(403);
  expect(res.body.code).toBe('FORBIDDEN_RIGHT');
});

test('an entry edited directly in MongoDB is named by its seq and id; a deleted one shows as a gap; the tail past an anchor as missing', async () => {
  const entries = auditModel(t.rt.conn).collection;
  const third = await entries.findOne({ seq: 3 });
  await entries.updateOne({ _id: third!._id }, { $set: { subjectIds: ['h-other'] } });
  const sixth = await entries.findOne({ seq: 6 });
  await entries.deleteOne({ seq: 5 });
  await entries.deleteOne({ seq: 6 });

  const res = await request(t.app)
    .get(`/audit/verify?anchorSeq=6&anchorHash=${String(sixth!.hash)}`)
    .set(as(auditorToken));
  expect(res.status).toBe(200);
  expect(res.body.ok).toBe(false);
  expect(res.body.problems).toEqual([
    expect.objectContaining({ kind: 'changed', seq: 3, entryId: third!._id }),
    expect.objectContaining({ kind: 'tail_missing', seq: 5 }),
  ]);

  // A gap inside the chain: entry 2 deleted as well.
  await entries.deleteOne({ seq: 2 });
  const gap = await verify(auditorToken);
  expect(gap.body.problems).toEqual([
    expect.objectContaining({ kind: 'deleted', seq: 2, entryId: null }),
    expect.objectContaining({ kind: 'changed', seq: 3, entryId: third!._id }),
  ]);
});
