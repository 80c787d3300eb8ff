import { createLogger, loadConfig, openRuntime, serveHttp } from '@fupin/kit';
import { matchingConfigSchema } from './config';
import { createMatching } from './matching';

/** Composition root: config, connections, the matching modules, HTTP, ordered shutdown on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig(matchingConfigSchema);
  const logger = createLogger({ name: 'matching', level: config.LOG_LEVEL });
  const rt = await openRuntime('matching', config, logger);
  rt.shutdown.installSignalHandlers();
  const matching = await createMatching(rt, config);
  await serveHttp(rt, matching.app);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config): stderr is the only safe place.
  process.stderr.write(
    `matching failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
