import { eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  type ImportJobBody,
  type SheetRow,
  uniqueId,
  workbookFromTemplate,
  XLSX,
  seedImportAreas,
} from './fixtures/import-files';
import { startRegistry, type TestRegistry, VILLAGE_A1 } from './fixtures/registry';

let t: TestRegistry;
beforeAll(async () => {
  t = await startRegistry();
  await seedImportAreas(t.app, t.tokens.county);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await t.close();
});

/** The import stores households 250 at a time and records its progress after each batch. */
const FIRST_BATCH = 250;
const HOUSEHOLDS = 600;
const sizeOf = (i: number) => 1 + (i % 2);

function rows(): SheetRow[] {
  const out: SheetRow[] = [];
  let n = 0;
  for (let i = 0; i < HOUSEHOLDS; i++) {
    for (let j = 0; j < sizeOf(i); j++) {
      const id = uniqueId(n++);
      out.push({
        户编号: `PRG-${String(i).padStart(4, '0')}`,
        行政村代码: VILLAGE_A1,
        成员姓名: `成员${i}-${j}`,
        身份证号: id,
        与户主关系: j === 0 ? '户主' : '配偶',
        出生日期: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      });
    }
  }
  return out;
}

test('rows done of rows total can be read while the import runs, and reach the total at the end', async () => {
  const sheet = rows();
  const file = await workbookFromTemplate(t.app, t.tokens.county, sheet);

  // Hold the worker before its second batch, so the job is certainly mid-way when read.
  const households = t.registry.services.households;
  const importMany = households.importMany.bind(households);
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => {
    release = () => r();
  });
  let calls = 0;
  jest.spyOn(households, 'importMany').mockImplementation(async (...args) => {
    if (++calls === 2) await held;
    return importMany(...args);
  });

  try {
    const started = await request(t.app)
      .post('/imports/households')
      .query({ fileName: 'progress.xlsx' })
      .set(as(t.tokens.county))
      .set('content-type', XLSX)
      .send(file);
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    const read = async () =>
      (await request(t.app).get(`/imports/${id}`).set(as(t.tokens.county))).body as ImportJobBody;

    const midway = await eventually(
      async () => {
        const job = await read();
        // The total is known once the rows are counted, which runs alongside the import.
        if (job.rowsDone === 0 || job.rowsTotal === null)
          throw new Error(`no progress yet (${job.status})`);
        // Read once the worker is held before its second batch: the first one's progress is
        // written just before it asks for the second, and a loaded machine can read between.
        if (calls < 2) throw new Error('the worker has not reached its second batch yet');
        return job;
      },
      { timeoutMs: 60_000, intervalMs: 50 },
    );
    const firstBatchRows = Array.from({ length: FIRST_BATCH }, (_, i) => sizeOf(i)).reduce(
      (a, b) => a + b,
    );
    expect(midway).toMatchObject({
      status: 'running',
      rowsTotal: sheet.length,
      rowsDone: firstBatchRows,
      counts: { householdsCreated: FIRST_BATCH },
    });
    expect(calls).toBe(2);
    // What the progress says is done is stored.
    expect(await t.registry.models.households.countDocuments()).toBe(FIRST_BATCH);
    // The list of imports shows the running job with its progress as well.
    const running = await request(t.app)
      .get('/imports')
      .query({ filter: JSON.stringify({ status: 'running' }) })
      .set(as(t.tokens.county));
    expect(running.body).toEqual([
      expect.objectContaining({ id, rowsDone: firstBatchRows, rowsTotal: sheet.length }),
    ]);

    release();
    const done = await eventually(
      async () => {
        const job = await read();
        if (job.status !== 'completed') throw new Error(job.status);
        return job;
      },
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    expect(done).toMatchObject({
      rowsTotal: sheet.length,
      rowsDone: sheet.length,
      counts: { householdsCreated: HOUSEHOLDS, householdsRejected: 0 },
    });
    expect(await t.registry.models.households.countDocuments()).toBe(HOUSEHOLDS);
  } finally {
    release();
  }
});
