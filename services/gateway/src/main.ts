import { serveHttp } from '@fupin/kit';
import { createGateway } from './gateway';
import { openGatewayRuntime } from './startup';

/** Composition root: keys, config, connections, the gateway's modules, HTTP, ordered shutdown. */
async function main(): Promise<void> {
  const { keys, config, rt } = await openGatewayRuntime();
  rt.shutdown.installSignalHandlers();
  const gateway = await createGateway(rt, config, keys);
  await serveHttp(rt, gateway.app);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config): stderr is the only safe place.
  process.stderr.write(
    `gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
