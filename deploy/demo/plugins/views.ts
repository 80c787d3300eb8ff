import type { Session } from '../client';

interface ProjectionStatus {
  households: number;
  freshness: { behind: number; upToDate: boolean } | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until a service's view of the registry has caught up (its /projection/status says up
 * to date and holds the registry's households), printing how far behind it is while it waits.
 * A service's part of the demo reads the people and households of that view.
 */
export async function waitForView(
  session: Session,
  statusPath: string,
  log: (m: string) => void,
  timeoutMs = 15 * 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const s = (await session.get<ProjectionStatus>(statusPath)).body;
    const f = s.freshness;
    // No freshness: the service cannot say (Kafka did not answer in time); its households do.
    if (s.households > 0 && (f === null || f.upToDate)) return;
    const line = f
      ? `${s.households} households, ${f.behind} events behind`
      : `${s.households} households`;
    if (line !== last) log(`  waiting for ${statusPath}: ${line}`);
    last = line;
    if (Date.now() > deadline)
      throw new Error(`${statusPath} did not catch up within ${timeoutMs / 60_000} min (${line})`);
    await sleep(2000);
  }
}
