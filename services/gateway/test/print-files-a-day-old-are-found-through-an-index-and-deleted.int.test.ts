import { getInfra, planProblems, uniqueDbName } from '@fupin/testing';
import mongoose, { type Connection } from 'mongoose';
import { KEEP_FILES_MS, PrintFiles } from '../src/prints/print.store';

// The print jobs' files are kept a day: each new job deletes the older ones, found by their
// upload day through an index of it (not a scan of every file the gateway ever stored).

let conn: Connection;

beforeAll(async () => {
  const infra = await getInfra();
  conn = await mongoose.createConnection(infra.mongoUrl, { dbName: uniqueDbName() }).asPromise();
});
afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

test('a file a day old is found through the upload-day index and deleted; a newer one is kept', async () => {
  const files = new PrintFiles(conn);
  const id = await files.put('job-1', Buffer.from('%PDF-1.7 test'), { userId: 'u-1' });
  const now = new Date();
  expect(await files.deleteOlderThanADay(now)).toBe(0);
  await expect(files.get(id)).resolves.toEqual(Buffer.from('%PDF-1.7 test'));

  const before = new Date(now.getTime() + KEEP_FILES_MS);
  const explained = await conn
    .db!.collection('prints.files')
    .find({ uploadDate: { $lt: before } })
    .explain();
  expect(planProblems(explained as Record<string, unknown>, undefined)).toEqual([]);

  expect(await files.deleteOlderThanADay(new Date(now.getTime() + 2 * KEEP_FILES_MS))).toBe(1);
  await expect(files.get(id)).resolves.toBeNull();
});
