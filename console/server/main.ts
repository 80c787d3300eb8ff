import path from 'node:path';
import { serveConsole } from './static-server';

/**
 * `npm run console:serve`: the built console (npm run console:build) on PORT, forwarding
 * every API path to GATEWAY_URL. CONSOLE_DIST points elsewhere than console/dist if needed.
 */
async function main(): Promise<void> {
  const env = process.env;
  const { url, close } = await serveConsole({
    // npm scripts run from the repository root.
    distDir: path.resolve(env.CONSOLE_DIST ?? 'console/dist'),
    gatewayUrl: env.GATEWAY_URL ?? 'http://127.0.0.1:4100',
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
  });
  process.stdout.write(
    `console serving ${url} → gateway ${env.GATEWAY_URL ?? 'http://127.0.0.1:4100'}\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `console server failed: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
