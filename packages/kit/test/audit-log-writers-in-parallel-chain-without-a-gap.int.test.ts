import { getInfra, uniqueDbName } from '@fupin/testing';
import type { Connection } from 'mongoose';
import {
  AuditLog,
  auditModel,
  connectMongo,
  createLogger,
  ensureIndexes,
  type Principal,
} from '../src';

let conn: Connection;
beforeAll(async () => {
  const { mongoUrl } = await getInfra();
  conn = await connectMongo({
    url: mongoUrl,
    dbName: uniqueDbName(),
    logger: createLogger({ name: 'kit-test', level: 'silent' }),
  });
  auditModel(conn);
  await ensureIndexes(conn);
});
afterAll(async () => {
  await conn.dropDatabase();
  await conn.close();
});

const auditor = { userId: 'u1', username: 'shenji', areaCode: '360781000000' } as Principal;

function unmask(log: AuditLog, n: number) {
  return log.record(auditor, {
    action: 'unmask',
    subjectType: 'household',
    subjectIds: [`h${n}`],
    fields: ['idCard'],
    reason: '核查',
  });
}

test('two writers (two replicas) appending at once leave one chain 1…n with no gap, and verify finds it whole', async () => {
  // A legacy entry from before the chain: counted, not checked.
  await auditModel(conn).collection.insertOne({
    _id: 'legacy' as never,
    at: new Date(Date.UTC(2020, 0, 1)),
    service: 'registry',
    action: 'unmask',
  });
  const a = new AuditLog(conn, 'registry');
  const b = new AuditLog(conn, 'registry');
  await Promise.all(Array.from({ length: 30 }, (_, i) => unmask(i % 2 ? a : b, i)));

  const seqs = (
    await auditModel(conn)
      .find({ seq: { $exists: true } }, { seq: 1 })
      .lean()
  ).map((e) => e.seq);
  expect(seqs.sort((x, y) => x! - y!)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  const report = await a.verify();
  expect(report).toMatchObject({ ok: true, checked: 30, firstSeq: 1, lastSeq: 30, unchained: 1 });
});

test('an entry edited directly in MongoDB is named by verify with its seq and id; a deleted one as a gap', async () => {
  const log = new AuditLog(conn, 'registry');
  const target = await auditModel(conn).findOne({ seq: 10 }).lean();
  await auditModel(conn).updateOne({ _id: target!._id }, { $set: { reason: '篡改' } });
  await auditModel(conn).collection.deleteOne({ seq: 20 });

  const report = await log.verify();
  expect(report.ok).toBe(false);
  expect(report.problems).toEqual([
    expect.objectContaining({ kind: 'changed', seq: 10, entryId: target!._id }),
    expect.objectContaining({ kind: 'deleted', seq: 20, entryId: null }),
  ]);
});
