import type { DemoPlugin, SeedContext } from '../plugin';

// 明白卡: nothing to write — the card is made from what the other parts seeded. Once assistance,
// funds and support have, one household with a helper has its card of this year printed
// through the gateway as the county office would (audited as a print), and the seed's log names
// it, so the console's 一户一档 → 打印明白卡 is tried first on a household that has something
// to show.

interface Pairing {
  householdId: string;
}

async function firstPaired(ctx: SeedContext): Promise<string | null> {
  const office = await ctx.as('fupinban');
  const [p] = await office.list<Pairing>('/api/assistance/pairings', {
    sort: ['startDate', 'ASC'],
    filter: { status: 'active' },
    limit: 1,
  });
  return p?.householdId ?? null;
}

export const gatewayPolicyCardPlugin: DemoPlugin = {
  name: 'gateway-policy-card',
  probe: '/api/assistance/openapi.json',
  // Writes nothing, so never "seeded": the one card is printed again on each run (a second).
  isSeeded: async () => false,
  async seed(ctx) {
    const id = await firstPaired(ctx);
    if (!id) return ctx.log('明白卡: no household has a helper yet; none printed');
    const office = await ctx.as('fupinban');
    const res = await office.get(`/households/${encodeURIComponent(id)}/card.pdf`);
    const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '');
    ctx.log(
      `明白卡: ${name ? decodeURIComponent(name[1]!) : id} printed — 一户一档 → 打印明白卡 (household ${id})`,
    );
  },
};
