import {
  importFile,
  seedImportAreas,
  type SheetRow,
  uniqueId,
  workbookFromTemplate,
} from '../../registry/test/fixtures/import-files';
import { eventually } from '@fupin/testing';
import { waitForRun } from './fixtures/matching';
import { startMatchingWithRegistry } from './fixtures/with-registry';

type T = Awaited<ReturnType<typeof startMatchingWithRegistry>>;
let t: T;
beforeAll(async () => {
  t = await startMatchingWithRegistry();
  // The registry stores a household only under a village of its area tree.
  await seedImportAreas(t.registry.app, t.county);
}, 240_000);
afterAll(async () => {
  await t?.close();
}, 240_000);

const VILLAGES = ['431121101201', '431121101202', '431121102201'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Freshness {
  behind: number;
  registryPosition: number;
  appliedPosition: number;
  registryPending: number | null;
  registryPeople: number | null;
  upToDate: boolean;
}
interface Run {
  id: string;
  status: string;
  progress: { people: number };
  view: (Freshness & { waitedMs: number }) | null;
}

/** A county-sized sheet: `households` households of one to four people each, IDs from `first`. */
function countySheet(prefix: string, households: number, first: number): SheetRow[] {
  const rows: SheetRow[] = [];
  let n = first;
  for (let i = 0; i < households; i++) {
    for (let j = 0; j < 1 + (i % 4); j++) {
      const id = uniqueId(n++);
      rows.push({
        户编号: `${prefix}-${String(i).padStart(5, '0')}`,
        行政村代码: VILLAGES[i % VILLAGES.length]!,
        成员姓名: `成员${i}-${j}`,
        身份证号: id,
        与户主关系: j === 0 ? '户主' : '之子',
        出生日期: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      });
    }
  }
  return rows;
}

const as = () => ({ authorization: `Bearer ${t.county}` });

/** The view's freshness, or null when Kafka did not answer the measure in time. */
async function freshnessSample(): Promise<Freshness | null> {
  const res = await t.api().get('/projection/status').set(as());
  expect(res.status).toBe(200);
  return (res.body as { freshness: Freshness | null }).freshness;
}

async function freshness(): Promise<Freshness> {
  const f = await freshnessSample();
  if (!f) throw new Error('the view could not be measured (Kafka did not answer in time)');
  return f;
}

async function registryPeople(): Promise<number> {
  const res = await fetch(`${t.registryUrl}/events/position`, { headers: as() });
  return ((await res.json()) as { people: number }).people;
}

/** A run that started must have started on the whole index: the registry's people, all of them. */
async function expectRunOnTheWholeIndex(runId: string): Promise<void> {
  const run = (await waitForRun(t.api, t.county, runId, 120_000)) as unknown as Run;
  expect(run.view).toEqual(expect.objectContaining({ behind: 0, upToDate: true }));
  expect(run.view!.registryPending).toBe(0);
  expect(run.progress.people).toBe(run.view!.registryPeople);
  expect(run.progress.people).toBe(await registryPeople());
}

test('a run started the moment a county import ends waited for the person index or was refused naming the lag; never ran on part of it', async () => {
  const sheet = countySheet('CTY', 1600, 0);
  const file = await workbookFromTemplate(t.registry.app, t.county, sheet);

  // The status is read all along the import: the view falls behind while the rows go in.
  const behindSeen: number[] = [];
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      // A sample Kafka did not answer in time (null on a loaded machine) says nothing: skipped.
      const f = await freshnessSample();
      if (f) behindSeen.push(f.behind);
      await sleep(100);
    }
  })();
  const { job } = await importFile(t.registry.app, t.county, file, { timeoutMs: 300_000 });
  const started = await t.api().post('/runs').set(as()).send({});
  watching = false;
  await watcher;

  expect(job.status).toBe('completed');
  expect(job.counts.householdsCreated).toBe(1600);
  expect(Math.max(...behindSeen)).toBeGreaterThan(0);
  if (started.status === 409) {
    expect(started.type).toBe('application/problem+json');
    expect(started.body.code).toBe('MATCHING_VIEW_BEHIND');
    const f = started.body.freshness as Freshness;
    expect(f.behind).toBeGreaterThan(0);
    expect(started.body.message['zh-CN']).toContain(
      `人员索引数据同步中（已同步 ${f.appliedPosition} / ${f.registryPosition} 条登记事件`,
    );
    expect(started.body.message.en).toContain(`${f.behind} behind`);
    expect(started.body.errors).toEqual([expect.objectContaining({ field: 'projection' })]);
  } else {
    expect(started.status).toBe(202);
    await expectRunOnTheWholeIndex(started.body.id as string);
  }

  // The view catches up: 0 behind, and a run then starts on the whole index.
  await eventually(async () => expect(await freshness()).toMatchObject({ behind: 0 }), {
    timeoutMs: 120_000,
    intervalMs: 250,
  });
  const again = await t.api().post('/runs').set(as()).send({});
  expect(again.status).toBe(202);
  await expectRunOnTheWholeIndex(again.body.id as string);
}, 600_000);

test('events still in the registry outbox hold a run back even when Kafka has delivered everything', async () => {
  await t.registry.relay.stop();
  try {
    const sheet = countySheet('OUT', 40, 20_000);
    const file = await workbookFromTemplate(t.registry.app, t.county, sheet);
    const { job } = await importFile(t.registry.app, t.county, file);
    expect(job.status).toBe('completed');

    // Nothing new is on Kafka: only the registry's outbox knows the index lacks these people.
    const f = await freshness();
    expect(f.registryPending).toBeGreaterThanOrEqual(40 + sheet.length);
    expect(f.behind).toBeGreaterThanOrEqual(f.registryPending!);
    const refused = await t.api().post('/runs').set(as()).send({});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('MATCHING_VIEW_BEHIND');
    expect(refused.body.freshness).toMatchObject({ behind: f.behind, upToDate: false });
    const metrics = await t.api().get('/metrics');
    const gauge =
      /fupin_projection_behind_events\{[^}]*projection="registry-households"[^}]*\} (\d+)/.exec(
        metrics.text,
      );
    expect(Number(gauge?.[1])).toBeGreaterThan(0);
  } finally {
    t.registry.relay.start();
  }
  await eventually(async () => expect(await freshness()).toMatchObject({ behind: 0 }), {
    timeoutMs: 60_000,
    intervalMs: 250,
  });
  const started = await t.api().post('/runs').set(as()).send({});
  expect(started.status).toBe(202);
  await expectRunOnTheWholeIndex(started.body.id as string);
}, 300_000);
