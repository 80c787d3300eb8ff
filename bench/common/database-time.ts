import type { mongo } from 'mongoose';

/**
 * The time the server took per command and collection (`insert id_claims`) between `start` and
 * `stop`: where a bench's database time goes. Each `start` begins a new count.
 */
export function databaseTime(client: mongo.MongoClient) {
  const open = new Map<number, string>();
  const totals = new Map<string, { ms: number; calls: number }>();
  let on = false;
  client.on('commandStarted', (e) => {
    if (!on) return;
    const target = (e.command as Record<string, unknown>)[e.commandName];
    open.set(
      e.requestId,
      typeof target === 'string' ? `${e.commandName} ${target}` : e.commandName,
    );
  });
  client.on('commandSucceeded', (e) => {
    const what = open.get(e.requestId);
    if (what === undefined) return;
    open.delete(e.requestId);
    const t = totals.get(what) ?? { ms: 0, calls: 0 };
    t.ms += e.duration;
    t.calls++;
    totals.set(what, t);
  });
  return {
    start: () => {
      totals.clear();
      on = true;
    },
    stop: () => {
      on = false;
      return [...totals].sort((a, b) => b[1].ms - a[1].ms);
    },
  };
}
