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

test("the first entry of a day (Asia/Shanghai) publishes the previous day's last entry as its anchor, in the same write", async () => {
  await auditModel(conn).deleteMany({});
  let clock = new Date('2026-03-01T15:58:00Z'); // 23:58 in Shanghai
  const log = new AuditLog(conn, 'registry', undefined, () => clock);
  await unmask(log, 1);
  clock = new Date('2026-03-01T15:59:00Z');
  await unmask(log, 2);
  clock = new Date('2026-03-01T16:01:00Z'); // 00:01 the next day
  await unmask(log, 3);

  const outboxes = await auditModel(conn)
    .find({}, { seq: 1, hash: 1, outbox: 1 })
    .sort({ seq: 1 })
    .lean();
  const events = outboxes.map((e) =>
    (e.outbox ?? []).map((o) => JSON.parse(o.value) as { type: string; payload: unknown }),
  );
  expect(events.map((es) => es.map((e) => e.type))).toEqual([
    ['audit.entry.recorded'],
    ['audit.entry.recorded'],
    ['audit.entry.recorded', 'audit.chain.anchored'],
  ]);
  expect(outboxes[2]!.outbox![1]!.topic).toBe('audit.v1');
  expect(events[2]![1]!.payload).toEqual({
    service: 'registry',
    day: '2026-03-01',
    seq: outboxes[1]!.seq,
    hash: outboxes[1]!.hash,
  });
});
