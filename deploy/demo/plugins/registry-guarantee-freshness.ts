import type { DemoPlugin, SeedContext } from '../plugin';
import { waitForView } from './views';

// How fresh the registry's derived guarantees are (issue 19): the registry derives 义务教育 and
// 基本医疗 from support's enrollment, dropout and coverage events. Run after support's part, this
// part waits until the registry has applied every one of them (GET /projection/status says up to
// date), so a household's detail says its derived guarantees are fresh (guaranteeFacts
// supportBehind 0) and the exit and identification steps of later parts are not held back.

const STATUS = '/api/registry/projection/status';

export const registryGuaranteeFreshnessPlugin: DemoPlugin = {
  name: 'registry-guarantee-freshness',
  probe: '/api/registry/openapi.json',

  // A wait, not data: it writes nothing, so it runs every time (and returns at once when the
  // registry is up to date).
  isSeeded: () => Promise.resolve(false),

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    await waitForView(office, STATUS, ctx.log);
    ctx.log('  registry: guarantees derived from every support event (support-facts up to date)');
  },
};
