import { inParallel, type Session } from '../client';
import { type DemoVillage, exitTargets } from '../county';
import { areaTreeCsv, householdCsvHeader, householdCsvRows } from '../files';
import { givenName, surname } from '../names';
import type { DemoPlugin, SeedContext } from '../plugin';
import { Random } from '../random';

interface ImportJob {
  id: string;
  status: 'queued' | 'counting' | 'running' | 'completed' | 'failed';
  rowsTotal: number | null;
  rowsDone: number;
  counts: {
    householdsCreated: number;
    householdsUpdated: number;
    householdsUnchanged: number;
    householdsRejected: number;
  };
  rejected: {
    row: number;
    householdNo: string | null;
    errors: { header: string; code: string }[];
  }[];
  error: { code: string; message: { 'zh-CN': string } } | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A village's typed-in facts: population, poor-village status, infrastructure, the team. */
function villageFacts(v: DemoVillage, r: Random) {
  const secretary = `${surname(r)}${givenName(r, r.chance(0.8) ? 'male' : 'female', 1980)}`;
  const inPlace = (p: number) => ({ inPlace: r.chance(p) });
  return {
    totalHouseholds: v.totalHouseholds,
    ruralPopulation: v.ruralPopulation,
    poorVillage: v.poorVillage !== null,
    poorVillageLevel: v.poorVillage,
    // The exits are the exit workflow's: registry-village-exit.ts records the earlier ones.
    infrastructure: {
      roadHardening: inPlace(v.poorVillage ? 0.9 : 0.97),
      tapWater: inPlace(0.93),
      electricity: inPlace(1),
      broadband: inPlace(0.85),
      clinic: inPlace(0.95),
      activityRoom: inPlace(0.9),
    },
    ...(v.poorVillage
      ? {
          firstSecretary: {
            name: secretary,
            unit: r.pick(['县财政局', '县教育局', '县卫健局', '县委组织部', '县农业农村局']),
            since: `${r.int(2015, 2018)}-0${r.int(3, 9)}-01`,
          },
          workTeam: {
            unit: '县直单位驻村工作队',
            leader: secretary,
            members: [1, 2].map(() => `${surname(r)}${givenName(r, 'male', 1985)}`),
          },
        }
      : {}),
  };
}

async function waitForImport(
  session: Session,
  id: string,
  log: (m: string) => void,
  label: string,
): Promise<ImportJob> {
  let last = '';
  for (;;) {
    const job = (await session.get<ImportJob>(`/api/registry/imports/${id}`)).body;
    const line = `${job.status} ${job.rowsDone}/${job.rowsTotal ?? '?'}`;
    if (line !== last) log(`  ${label}: ${line}`);
    last = line;
    if (job.status === 'completed' || job.status === 'failed') return job;
    await sleep(1000);
  }
}

/**
 * The registry's part: the area tree (13 townships, ~200 villages with their groups), the
 * villages' facts, the households and members by township through the Excel/CSV import (the
 * very files a county office uploads), and the yearly exit targets — signed in as the poverty
 * office (county-wide, with the approve right the status column and the targets need).
 */
export const registryPlugin: DemoPlugin = {
  name: 'registry',
  probe: '/api/registry/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/registry/households')) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const { county } = ctx;

    const areas = await office.request<{
      areas: Record<string, number>;
      groups: Record<string, number>;
      rejected: number;
      rejections: unknown[];
    }>('POST', '/api/registry/areas/import', {
      body: areaTreeCsv(county),
      contentType: 'text/csv',
    });
    if (areas.body.rejected > 0)
      throw new Error(
        `area tree rows rejected: ${JSON.stringify(areas.body.rejections.slice(0, 5))}`,
      );
    ctx.log(
      `  areas: ${county.townships.length} townships, ${county.villages.length} villages (${JSON.stringify(areas.body.areas)})`,
    );

    const r = new Random(county.seed, 4);
    const facts = county.villages.map((v) => ({ v, facts: villageFacts(v, r) }));
    await inParallel(facts, 4, async ({ v, facts: body }) => {
      const current = await office.get<{ revision: number }>(`/api/registry/villages/${v.code}`);
      await office.request('PUT', `/api/registry/villages/${v.code}`, {
        json: { ...body, revision: current.body.revision },
      });
    });
    ctx.log(`  village facts: ${facts.length} villages`);

    // One file per township (the gateway takes uploads up to 20 MB); the registry's import
    // queue works through them one after another.
    const files = new Map<string, { name: string; csv: string; households: number }>();
    for (const t of county.townships)
      files.set(t.code, { name: `${t.name}.csv`, csv: householdCsvHeader(), households: 0 });
    for (const h of county.households()) {
      const f = files.get(h.townshipCode)!;
      f.csv += householdCsvRows(h);
      f.households++;
    }
    const jobs: { id: string; name: string }[] = [];
    for (const f of files.values()) {
      const res = await office.request<ImportJob>('POST', '/api/registry/imports/households', {
        body: f.csv,
        contentType: 'text/csv',
        query: { fileName: `临溪县-${f.name}` },
      });
      jobs.push({ id: res.body.id, name: f.name });
    }
    let stored = 0;
    let unchanged = 0;
    for (const job of jobs) {
      const done = await waitForImport(office, job.id, ctx.log, job.name);
      if (done.status === 'failed')
        throw new Error(`import ${job.name} failed: ${done.error?.message['zh-CN'] ?? ''}`);
      if (done.rejected.length > 0)
        throw new Error(
          `import ${job.name} rejected rows: ${JSON.stringify(done.rejected.slice(0, 5))}`,
        );
      stored += done.counts.householdsCreated + done.counts.householdsUpdated;
      unchanged += done.counts.householdsUnchanged;
    }
    ctx.log(`  households: ${stored} stored, ${unchanged} unchanged`);

    const targets = exitTargets(county);
    await inParallel(targets, 4, async (t) => {
      await office.request('PUT', `/api/registry/exit-targets/${t.areaCode}/${t.year}`, {
        json: { households: t.households, people: t.people, revision: 0 },
        accept: [409],
      });
    });
    ctx.log(`  exit targets: ${targets.length} (township × year)`);
  },
};
