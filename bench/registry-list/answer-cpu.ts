// The list answer's own CPU in the registry: the app runs on this process's main thread, the
// client on a worker thread, so the main thread's CPU time (from /proc, per thread) over N
// sequential requests is what the registry spends per answer — express, auth, the query's
// building and decoding, the JSON — without the client's share and without the database's.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const CLOCK_TICKS_PER_SECOND = 100;
const IDLE_SAMPLE_MS = 10_000;

/** CPU time (user + system) of this process's main thread, in milliseconds. */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at ") ".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { url, headers, n } = workerData;
  let failed = 0;
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) failed++;
  }
  parentPort.postMessage({ failed });
})().catch((err) => parentPort.postMessage({ error: String(err) }));
`;

/**
 * Main-thread CPU per answer over `n` sequential requests (after `warmup` unmeasured ones),
 * less the thread's idle upkeep over the same time.
 * Requires Linux (/proc); answers NaN elsewhere.
 */
export async function answerCpuMs(
  url: string,
  headers: Record<string, string>,
  n = 300,
  warmup = 50,
): Promise<number> {
  const run = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(CLIENT, { eval: true, workerData: { url, headers, n: count } });
      worker.once('message', (m: { failed?: number; error?: string }) => {
        void worker.terminate();
        if (m.error) reject(new Error(m.error));
        else if (m.failed) reject(new Error(`${m.failed} of ${count} requests did not answer 200`));
        else resolve();
      });
      worker.once('error', reject);
    });
  try {
    mainThreadCpuMs();
  } catch {
    return NaN;
  }
  await run(warmup);
  // What the thread spends with no request (Kafka client, pool upkeep, timers), per second: a
  // slow database stretches the measured window, and that upkeep is not the answer's.
  const idleStart = mainThreadCpuMs();
  const idleT0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
  const idlePerMs = (mainThreadCpuMs() - idleStart) / (performance.now() - idleT0);
  const before = mainThreadCpuMs();
  const t0 = performance.now();
  await run(n);
  const busy = mainThreadCpuMs() - before - idlePerMs * (performance.now() - t0);
  return Math.max(0, busy) / n;
}
