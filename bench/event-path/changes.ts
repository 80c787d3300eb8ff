// The single-change half of bench/event-path: a load mix on every service's list, and the time a
// change made through the registry takes to reach each projection.
import type { Db } from 'mongodb';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How often each projection is read while a change is on its way: fine enough against the 1 s
 * target, coarse enough that five pollers do not load the database the services share.
 */
const POLL_MS = 50;
/** Connections cycling through one list of each service until stopped; answers and errors. */
export function loadMix(targets: { url: string; path: string }[], token: string, total: number) {
  let running = true;
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const worker = async (i: number) => {
    const t = targets[i % targets.length]!;
    while (running) {
      const started = performance.now();
      const status = await fetch(`${t.url}${t.path}`, {
        headers: { authorization: `Bearer ${token}` },
      }).then(
        async (res) => {
          await res.arrayBuffer();
          return String(res.status);
        },
        (err: unknown) => `error ${String(err).slice(0, 60)}`,
      );
      latencies.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const workers = Array.from({ length: total }, (_, i) => worker(i));
  return {
    async stop() {
      running = false;
      await Promise.all(workers);
      latencies.sort((a, b) => a - b);
      return { latencies, statuses };
    },
  };
}

/**
 * Changes one household through the registry API and resolves, per service, the time from
 * sending the change until the service's projection holds the new revision.
 */
export async function timeOneChange(
  registryUrl: string,
  token: string,
  id: string,
  dbs: Map<string, Db>,
): Promise<Map<string, number>> {
  const auth = { authorization: `Bearer ${token}` };
  const current = (await (
    await fetch(`${registryUrl}/households/${id}`, { headers: auth })
  ).json()) as {
    revision: number;
    groupNo: number | null;
  };
  const t0 = performance.now();
  const res = await fetch(`${registryUrl}/households/${id}`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      revision: current.revision,
      // A fact every projection keeps, different each time so the change is a new revision.
      groupNo: ((current.groupNo ?? 0) % 998) + 1,
    }),
  });
  if (res.status !== 200) throw new Error(`the change answered ${res.status}: ${await res.text()}`);
  const { revision } = (await res.json()) as { revision: number };
  const seen = new Map<string, number>();
  await Promise.all(
    [...dbs].map(async ([name, db]) => {
      for (const deadline = t0 + 30_000; performance.now() < deadline; await sleep(POLL_MS)) {
        const doc = await db
          .collection('registry_households')
          .findOne({ _id: id } as never, { projection: { revision: 1 } });
        if (((doc?.revision as number | undefined) ?? 0) >= revision) {
          seen.set(name, performance.now() - t0);
          return;
        }
      }
      seen.set(name, Number.POSITIVE_INFINITY);
    }),
  );
  return seen;
}
