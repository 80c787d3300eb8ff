import { createLogger, loadConfig, openRuntime, serveHttp } from '@fupin/kit';
import { supportConfigSchema } from './config';
import { createSupport } from './support';

/** Composition root: config, connections, the support modules, HTTP, ordered shutdown on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig(supportConfigSchema);
  const logger = createLogger({ name: 'support', level: config.LOG_LEVEL });
  const rt = await openRuntime('support', config, logger);
  rt.shutdown.installSignalHandlers();
  const support = await createSupport(rt, config);
  await serveHttp(rt, support.app);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config): stderr is the only safe place.
  process.stderr.write(
    `support failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
