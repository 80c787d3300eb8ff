import { createHash } from 'node:crypto';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { uniqueId } from '../../../../services/registry/test/fixtures/import-files';
import {
  COUNTY,
  TOWNSHIP_A,
  VILLAGE_A1,
} from '../../../../services/registry/test/fixtures/registry';

const as = (token: string) => ({ authorization: `Bearer ${token}` });

export async function createAreas(app: Express, token: string): Promise<void> {
  for (const [code, name] of [
    [COUNTY, '桃源县'],
    [TOWNSHIP_A, '漳江街道'],
    [VILLAGE_A1, '桃花源村'],
  ]) {
    const res = await request(app).post('/areas').set(as(token)).send({ code, name });
    if (res.status !== 201) throw new Error(`area ${code}: ${res.status} ${res.text}`);
  }
}

/**
 * Household changes through the registry's API: `households` registrations (each with its
 * head, so a member event too), then address changes until `changes` writes in all. Every
 * acknowledged write is counted; `onProgress` lets the test inject its fault part-way.
 */
export async function writeChanges(
  app: Express,
  token: string,
  opts: {
    households: number;
    changes: number;
    offset: number;
    concurrency?: number;
    onProgress?: (done: number) => void | Promise<void>;
  },
): Promise<{ acknowledged: number; events: number }> {
  let done = 0;
  let events = 0;
  const tick = async () => {
    done++;
    await opts.onProgress?.(done);
  };
  const ids: { id: string; revision: number }[] = [];
  const register = async (i: number) => {
    const n = opts.offset + i;
    const res = await request(app)
      .post('/households')
      .set(as(token))
      .send({
        householdNo: `F${String(n).padStart(8, '0')}`,
        areaCode: VILLAGE_A1,
        address: '桃花源村一组',
        attribute: 'ordinary',
        mainCause: 'illness',
        status: 'in_poverty',
        identificationYear: 2016,
        members: [
          {
            name: `户主${n}`,
            idNumber: uniqueId(n, 'male'),
            relation: 'head',
          },
        ],
      });
    if (res.status !== 201) throw new Error(`register ${n}: ${res.status} ${res.text}`);
    const body = res.body as { id: string; revision: number };
    ids[i] = { id: body.id, revision: body.revision };
    events += 2;
    await tick();
  };
  const workers = opts.concurrency ?? 6;
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < opts.households) await register(next++);
    }),
  );
  const updates = opts.changes - opts.households;
  let u = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_v, w) => {
      // Each worker owns every workers-th household, so revisions never race.
      for (;;) {
        const k = u++;
        if (k >= updates) return;
        const slot = w + workers * (k % Math.ceil(opts.households / workers));
        const h = ids[slot % opts.households]!;
        const res = await request(app)
          .put(`/households/${h.id}`)
          .set(as(token))
          .send({ revision: h.revision, address: `桃花源村一组 ${k}` });
        if (res.status === 409) {
          u--;
          const cur = await request(app).get(`/households/${h.id}`).set(as(token));
          h.revision = (cur.body as { revision: number }).revision;
          continue;
        }
        if (res.status !== 200) throw new Error(`update ${h.id}: ${res.status} ${res.text}`);
        h.revision = (res.body as { revision: number }).revision;
        events += 1;
        await tick();
      }
    }),
  );
  return { acknowledged: done, events };
}

/** (id, revision, member ids) of every household, hashed: equal sets give equal checksums. */
export async function registryChecksum(conn: Connection) {
  const docs = await conn
    .db!.collection('households')
    .find({}, { projection: { _id: 1, revision: 1, 'members.id': 1 } })
    .sort({ _id: 1 })
    .toArray();
  return checksum(
    docs.map((d) => ({
      id: String(d._id),
      revision: d.revision as number,
      members: ((d.members as { id: string }[]) ?? []).map((m) => m.id).sort(),
    })),
  );
}

export async function projectionChecksum(conn: Connection) {
  const docs = await conn
    .db!.collection('registry_households')
    .find({ revision: { $gt: 0 } }, { projection: { _id: 1, revision: 1, 'members.id': 1 } })
    .sort({ _id: 1 })
    .toArray();
  return checksum(
    docs.map((d) => ({
      id: String(d._id),
      revision: d.revision as number,
      members: ((d.members as { id: string }[]) ?? []).map((m) => m.id).sort(),
    })),
  );
}

function checksum(rows: { id: string; revision: number; members: string[] }[]) {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${r.id}:${r.revision}:${r.members.join(',')}\n`);
  return { count: rows.length, sha256: h.digest('hex') };
}
