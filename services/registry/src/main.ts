import { createLogger, loadConfig, openRuntime, serveHttp } from '@fupin/kit';
import { registryConfigSchema } from './config';
import { createRegistry } from './registry';

/** Composition root: config, connections, the registry's modules, HTTP, ordered shutdown on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig(registryConfigSchema);
  const logger = createLogger({ name: 'registry', level: config.LOG_LEVEL });
  const rt = await openRuntime('registry', config, logger);
  rt.shutdown.installSignalHandlers();
  const registry = await createRegistry(rt, config);
  await serveHttp(rt, registry.app);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config): stderr is the only safe place.
  process.stderr.write(
    `registry failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
