import { codesOf, PovertyCause, shanghaiDateOf } from '@fupin/reference';
import { ApiError, type Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';

// 一户一档核对: three inconsistencies planted in one village, then the village checked through the
// gateway's job as the county office would from 一户一档核对 → 开始核对, so the page opens on a run
// with something to show — a student removed from the registry's members (户籍迁出), a plan whose
// causes the registry no longer matches (a cause added after the plan was saved), a measure
// naming a funds project that never paid it. The seed's log names the village and the run.

const JOB_TIMEOUT_MS = 5 * 60_000;
const REASON = '户籍迁出（演示：一户一档核对）';
const PROJECT = 'XM-DEMO-CONSISTENCY-1';
const CAUSES = codesOf(PovertyCause);

interface Student {
  personId: string;
  householdId: string;
  areaCode: string;
}
interface Household {
  id: string;
  areaCode: string;
  mainCause: string | null;
  otherCauses?: string[];
}
interface Run {
  state: string;
  checked: number;
  households: number | null;
  inconsistencies: number;
  counts: { kind: string; count: number }[];
  error?: { 'zh-CN': string } | null;
}

/** A student who is not their household's head, removed from its members; their village. */
async function removeAStudent(office: Session): Promise<Student | null> {
  const students = await office.list<Student>('/api/support/education/students', {
    sort: ['name', 'ASC'],
    limit: 20,
  });
  for (const s of students) {
    const path = `/api/registry/households/${encodeURIComponent(s.householdId)}/members/${encodeURIComponent(s.personId)}/remove`;
    const res = await office.request('POST', path, { json: { reason: REASON }, accept: [422] });
    if (res.status === 200) return s;
  }
  return null;
}

/** The plan saved with the registry's causes of now; then the registry names one more cause. */
async function causeAfterThePlan(office: Session, h: Household): Promise<void> {
  const plan = await office.request<{ revision: number }>(
    'GET',
    `/api/assistance/plans/${encodeURIComponent(h.id)}`,
    { accept: [404] },
  );
  await office.request('PUT', `/api/assistance/plans/${encodeURIComponent(h.id)}`, {
    json: {
      summary: '以产业发展为主，落实教育医疗保障。',
      ...(plan.status === 200 ? { revision: plan.body.revision } : {}),
    },
  });
  const named = new Set([h.mainCause, ...(h.otherCauses ?? [])]);
  const added = CAUSES.find((c) => !named.has(c));
  if (!added) return;
  await office.request('PUT', `/api/registry/households/${encodeURIComponent(h.id)}`, {
    json: { otherCauses: [...(h.otherCauses ?? []), added] },
  });
}

async function checked(ctx: SeedContext, office: Session, areaCode: string, year: number) {
  const made = await office.request<{ id: string }>('POST', '/consistency-checks', {
    json: { areaCode, year },
  });
  const id = made.body.id;
  const started = Date.now();
  for (;;) {
    const run = (await office.get<Run>(`/consistency-checks/${encodeURIComponent(id)}`)).body;
    if (run.state === 'failed')
      throw new Error(`一户一档核对 of ${areaCode}: ${run.error?.['zh-CN'] ?? 'failed'}`);
    if (run.state === 'completed') {
      const kinds = run.counts
        .filter((c) => c.count)
        .map((c) => `${c.kind} ${c.count}`)
        .join(', ');
      return ctx.log(
        `一户一档核对: village ${areaCode}, ${run.households ?? 0} households, ` +
          `${run.inconsistencies} inconsistencies (${kinds}) in ` +
          `${Math.round((Date.now() - started) / 1000)} s — 一户一档核对 (run ${id})`,
      );
    }
    if (Date.now() - started > JOB_TIMEOUT_MS)
      throw new Error(`一户一档核对 of ${areaCode}: not finished in ${JOB_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export const gatewayConsistencyPlugin: DemoPlugin = {
  name: 'gateway-consistency',
  probe: '/api/assistance/openapi.json',
  async isSeeded(ctx) {
    const office = await ctx.as('fupinban');
    const runs = await office.list<Run>('/consistency-checks', {
      sort: ['requestedAt', 'DESC'],
      filter: { state: 'completed' },
      limit: 1,
    });
    return runs.length > 0;
  },
  async seed(ctx) {
    const office = await ctx.as('fupinban');
    const student = await removeAStudent(office);
    if (!student) return ctx.log('一户一档核对: no student to plant; no village checked');
    const village = student.areaCode;
    const [other] = (
      await office.list<Household>('/api/registry/households', {
        sort: ['householdNo', 'ASC'],
        filter: { area: village },
        limit: 3,
      })
    ).filter((h) => h.id !== student.householdId);
    const h =
      other ??
      (await office.get<Household>(`/api/registry/households/${student.householdId}`)).body;
    try {
      await causeAfterThePlan(office, h);
    } catch (err) {
      // A plan the assistance part refuses (a household it does not yet know) only plants less.
      if (!(err instanceof ApiError)) throw err;
      ctx.log(`一户一档核对: the plan of ${h.id} not planted (${err.status})`);
    }
    const today = shanghaiDateOf(new Date());
    await office.request('POST', '/api/assistance/measures', {
      json: {
        householdId: h.id,
        category: 'production',
        type: '产业扶持资金（演示：未到户）',
        amountFen: 200_000,
        startDate: today,
        projectId: PROJECT,
      },
    });
    await checked(ctx, office, village, Number(today.slice(0, 4)));
  },
};
