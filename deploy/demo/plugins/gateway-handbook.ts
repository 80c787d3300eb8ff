import type { DemoPlugin, SeedContext } from '../plugin';

// 扶贫手册: nothing to write — the handbooks are made from what the other parts seeded. Once
// assistance, funds and support have, the village of a household with a helper is printed
// through the gateway as a job, as the county office would from 行政村 → 打印本村扶贫手册, and the
// seed's log names the village, the households and the job, so the console's print is tried
// first on a village that has something to show.

const JOB_TIMEOUT_MS = 5 * 60_000;

interface Household {
  id: string;
  areaCode: string;
}
interface PrintJob {
  state: string;
  progress: { done: number; total: number | null };
  error?: string;
}

/** The village of the first household with a helper (or of the first household at all). */
async function villageToPrint(ctx: SeedContext): Promise<string | null> {
  const office = await ctx.as('fupinban');
  const [paired] = await office.list<{ householdId: string }>('/api/assistance/pairings', {
    sort: ['startDate', 'ASC'],
    filter: { status: 'active' },
    limit: 1,
  });
  if (paired) {
    const h = await office.get<Household>(
      `/api/registry/households/${encodeURIComponent(paired.householdId)}`,
    );
    return h.body.areaCode;
  }
  const [first] = await office.list<Household>('/api/registry/households', {
    sort: ['householdNo', 'ASC'],
    limit: 1,
  });
  return first?.areaCode ?? null;
}

export const gatewayHandbookPlugin: DemoPlugin = {
  name: 'gateway-handbook',
  probe: '/api/assistance/openapi.json',
  // Writes nothing, so never "seeded": one village is printed again on each run (seconds).
  isSeeded: async () => false,
  async seed(ctx) {
    const areaCode = await villageToPrint(ctx);
    if (!areaCode) return ctx.log('扶贫手册: no household registered yet; no village printed');
    const office = await ctx.as('fupinban');
    const made = await office.request<{ id: string }>('POST', '/handbooks', {
      json: { areaCode },
    });
    const id = made.body.id;
    const started = Date.now();
    for (;;) {
      const job = (await office.get<PrintJob>(`/handbooks/${encodeURIComponent(id)}`)).body;
      if (job.state === 'failed') throw new Error(`扶贫手册 of ${areaCode}: ${job.error}`);
      if (job.state === 'completed')
        return ctx.log(
          `扶贫手册: village ${areaCode}, ${job.progress.done} households printed in ` +
            `${Math.round((Date.now() - started) / 1000)} s — 行政村 → 打印本村扶贫手册 (job ${id})`,
        );
      if (Date.now() - started > JOB_TIMEOUT_MS)
        throw new Error(`扶贫手册 of ${areaCode}: not finished in ${JOB_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  },
};
