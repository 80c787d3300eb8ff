import { COUNTY, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1 } from '@fupin/testing';
import { startCounty } from '../../../services/gateway/test/support/county';
import { seedAreas } from '../../../services/gateway/test/support/registry-data';
import type { Browser } from 'playwright-core';
import { serveConsole } from '../../server/static-server';
import { launchBrowser } from './browser';
import { buildConsole } from './console-build';

export { COUNTY, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1 };

/**
 * The real stack the browser tests drive: the gateway and every service in-process on the
 * local servers (the gateway tests' platform fixture), the console built by Vite and served
 * by its production static server, which forwards API paths to the gateway.
 */
export async function startConsoleStack(opts: { distDir?: string } = {}) {
  const platform = await startCounty();
  try {
    const office = await platform.signedInUser({
      roles: ['poverty_office'],
      areaCode: COUNTY,
      username: 'fupinban',
    });
    await seedAreas(platform.service('registry').url, office.accessToken);
    const distDir = opts.distDir ?? buildConsole();
    const consoleServer = await serveConsole({ distDir, gatewayUrl: platform.gatewayUrl });
    return {
      platform,
      office,
      distDir,
      consoleUrl: consoleServer.url,
      async close() {
        await consoleServer.close();
        await platform.close();
      },
    };
  } catch (err) {
    await platform.close();
    throw err;
  }
}
export type ConsoleStack = Awaited<ReturnType<typeof startConsoleStack>>;

/**
 * The stack and a browser for one test file: started before its tests, stopped after them.
 * Read `stack` and `browser` inside the tests (they exist once `beforeAll` has run).
 */
export function consoleStackForThisFile(arrange?: (stack: ConsoleStack) => Promise<void>) {
  const ctx = {} as { stack: ConsoleStack; browser: Browser };
  beforeAll(async () => {
    ctx.stack = await startConsoleStack();
    ctx.browser = await launchBrowser();
    await arrange?.(ctx.stack);
  }, 240_000);
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.stack?.close();
  });
  return ctx;
}
