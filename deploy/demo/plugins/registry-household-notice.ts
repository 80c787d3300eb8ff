import type { DemoPlugin, SeedContext } from '../plugin';

// 告知与答复: the 清退 the registry opened for the departments' confirmed findings (a business,
// a public employee, urban property …) wait for the household to be told and to answer before
// the county can approve them. The township tells the first household by letter (its window
// runs), tells the second and records its answer (no objection), and leaves the rest untold, so
// the console shows each state.

/** The rules whose confirmed findings open 清退 in the registry. */
const WRONG_IDENTIFICATION = [
  'VEHICLE_OWNER',
  'BUSINESS_OWNER',
  'PUBLIC_EMPLOYEE',
  'URBAN_PROPERTY',
];

interface Finding {
  id: string;
  householdId: string | null;
}
interface Workflows {
  active: { kind: string; findingId?: string | null; householdNotice?: unknown } | null;
}

/** Households whose running 清退 was opened for a finding, and whether they were told. */
async function clearances(ctx: SeedContext): Promise<{ id: string; told: boolean }[]> {
  const office = await ctx.as('fupinban');
  const findings: Finding[] = [];
  for (const rule of WRONG_IDENTIFICATION) {
    findings.push(
      ...(await office.list<Finding>('/api/matching/findings', {
        sort: ['createdAt', 'ASC'],
        filter: { rule },
        limit: 100,
      })),
    );
  }
  const out: { id: string; told: boolean }[] = [];
  for (const id of new Set(findings.map((f) => f.householdId).filter((h): h is string => !!h))) {
    const wf = (await office.get<Workflows>(`/api/registry/households/${id}/workflows`)).body;
    if (wf.active?.kind === 'clearance' && wf.active.findingId)
      out.push({ id, told: !!wf.active.householdNotice });
  }
  return out;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const registryHouseholdNoticePlugin: DemoPlugin = {
  name: 'registry-household-notice',
  probe: '/api/registry/openapi.json',
  async isSeeded(ctx) {
    return (await clearances(ctx)).some((c) => c.told);
  },
  async seed(ctx) {
    const office = await ctx.as('fupinban');
    const households = (await clearances(ctx)).map((c) => c.id);
    const [first, second] = households;
    for (const id of [first, second]) {
      if (!id) continue;
      await office.request(
        'POST',
        `/api/registry/households/${id}/workflows/clearance/household-notice`,
        {
          json: { givenOn: today(), channel: 'letter' },
        },
      );
    }
    if (second) {
      await office.request(
        'POST',
        `/api/registry/households/${second}/workflows/clearance/household-response`,
        {
          json: {
            receivedOn: today(),
            text: '户主到乡镇说明：对比对结果无异议，同意清退',
            objects: false,
          },
        },
      );
    }
    ctx.log(
      `  household notice: ${households.length} 清退 for findings; ${first ? 1 : 0} told and waiting, ${second ? 1 : 0} answered`,
    );
  },
};
