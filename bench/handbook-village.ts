// Benchmark of a village's 扶贫手册 (services/gateway/src/prints): 300 households printed as one
// PDF. Two figures:
//  * render — the renderer alone on made-up dossiers (two members, a plan, a measure, twelve
//    visits, three benefit rows each): what pdfkit costs;
//  * job — the whole job on the county platform (every service, the real local stack): N
//    households registered in one village through the gateway (with --assisted, each paired with a
//    helper who visited twice), then POST /handbooks and the job
//    polled until done (the village's households, its 受益底册 rows once, every dossier eight at
//    a time, the PDF, GridFS), then the file downloaded.
// Target (issue 23): a village of 300 households within 60 s.
// Usage (the local stack running: `eval "$(bash deploy/local/up)"`):
//   npx tsx bench/handbook-village.ts --households 300 [--assisted] [--render-only]
import { parseArgs } from 'node:util';
import { bearer, COUNTY, type SignedIn, TOWNSHIP_A, VILLAGE_A1 } from '@fupin/testing';
import { printDocument } from '../services/gateway/src/prints/print.document';
import { type CountyPlatform, startCounty } from '../services/gateway/test/support/county';
import { handbookHousehold } from '../services/gateway/test/support/handbook-dossier';
import { household, idNumber, seedAreas } from '../services/gateway/test/support/registry-data';
import { engineName } from './common/engine';

const { values: args } = parseArgs({
  options: {
    households: { type: 'string', default: '300' },
    'render-only': { type: 'boolean', default: false },
    /** Each household paired with a helper who visited twice (assistance's part in the dossier). */
    assisted: { type: 'boolean', default: false },
  },
});
const N = Number(args.households);
const TARGET_MS = 60_000;
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

async function render() {
  const households = Array.from({ length: N }, (_, i) => handbookHousehold(i + 1, { visits: 12 }));
  const started = Date.now();
  const pdf = await printDocument('handbook', households, {
    year: 2026,
    villageName: '青山村',
    subject: '青山村',
    now: new Date(),
  });
  return { ms: Date.now() - started, bytes: pdf.length, pages: pages(pdf) };
}

/** A POST through the gateway, asked again while assistance has not yet seen the household. */
async function post(t: CountyPlatform, user: SignedIn, path: string, body: object) {
  for (let attempt = 0; ; attempt++) {
    const res = await t.api().post(path).set(bearer(user.accessToken)).send(body);
    if (res.status === 201) return (res.body as { id: string }).id;
    if (attempt > 60) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** 帮扶: a helper for every two households, paired, and two visits to each household. */
async function assist(t: CountyPlatform, town: SignedIn) {
  const list = await t
    .api()
    .get('/api/registry/households')
    .query({ range: JSON.stringify([0, N - 1]), filter: JSON.stringify({ area: VILLAGE_A1 }) })
    .set(bearer(town.accessToken));
  const ids = (list.body as { id: string }[]).map((h) => h.id);
  let next = 0;
  const work = async () => {
    while (next < ids.length) {
      const i = next;
      next += 2;
      const helperId = await post(t, town, '/api/assistance/helpers', {
        name: `帮扶干部${i}`,
        phone: `136${String(10_000_000 + i).slice(-8)}`,
        unit: '漳江街道办事处',
        rank: 'section_level',
      });
      for (const householdId of ids.slice(i, i + 2)) {
        await post(t, town, '/api/assistance/pairings', {
          helperId,
          householdId,
          role: 'key',
          startDate: '2020-01-02',
        });
        for (const date of ['2020-03-15', '2020-06-15'])
          await post(t, town, '/api/assistance/visits', {
            householdId,
            helperId,
            date,
            findings: '户主住院后在家休养，家庭收入主要靠务工',
            actions: '宣讲医疗救助政策，联系就业岗位',
            nextSteps: '下月回访',
          });
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, work));
}

async function job() {
  const t = await startCounty();
  try {
    const office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
    const town = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
    await seedAreas(`${t.gatewayUrl}/api/registry`, office.accessToken);
    const seedStarted = Date.now();
    let next = 0;
    const register = async () => {
      while (next < N) {
        const i = next++;
        const head = { name: `户主${i}`, idNumber: idNumber('1970-01-01', i) };
        const res = await t
          .api()
          .post('/api/registry/households')
          .set(bearer(office.accessToken))
          .send(household(`BENCH-HB-${String(i).padStart(4, '0')}`, VILLAGE_A1, head));
        if (res.status !== 201) throw new Error(`register ${i}: ${res.status} ${res.text}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, register));
    if (args.assisted) await assist(t, town);
    const seedMs = Date.now() - seedStarted;

    const started = Date.now();
    const made = await t
      .api()
      .post('/handbooks')
      .set(bearer(town.accessToken))
      .send({ areaCode: VILLAGE_A1 });
    if (made.status !== 202) throw new Error(`POST /handbooks: ${made.status} ${made.text}`);
    const id = (made.body as { id: string }).id;
    const seen: string[] = [];
    let view: { state: string; progress: { done: number; total: number | null }; error?: string };
    for (;;) {
      view = (await t.api().get(`/handbooks/${id}`).set(bearer(town.accessToken))).body;
      const p = `${view.progress.done}/${view.progress.total ?? '?'}`;
      if (seen[seen.length - 1] !== p) seen.push(p);
      if (view.state === 'completed' || view.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const jobMs = Date.now() - started;
    if (view.state === 'failed') throw new Error(`job failed: ${view.error}`);
    const file = await t
      .api()
      .get(`/handbooks/${id}/file`)
      .set(bearer(town.accessToken))
      .buffer(true)
      .parse((s, cb) => {
        const parts: Buffer[] = [];
        s.on('data', (c: Buffer) => parts.push(c));
        s.on('end', () => cb(null, Buffer.concat(parts)));
      });
    const pdf = file.body as Buffer;
    return {
      engine: await engineName(t.gatewayRt.conn.db!),
      seedMs,
      ms: jobMs,
      households: view.progress.total,
      progressSeen: seen.length > 12 ? [...seen.slice(0, 6), '…', ...seen.slice(-6)] : seen,
      bytes: pdf.length,
      pages: pages(pdf),
      withinTarget: jobMs <= TARGET_MS,
    };
  } finally {
    await t.close();
  }
}

async function main() {
  const rendered = await render();
  const full = args['render-only'] ? null : await job();
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        households: N,
        render: rendered,
        job: full,
        targetMs: TARGET_MS,
      },
      null,
      2,
    ),
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
