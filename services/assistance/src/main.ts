import { createLogger, loadConfig, openRuntime, serveHttp } from '@fupin/kit';
import { createAssistance } from './assistance';
import { assistanceConfigSchema } from './config';

/** Composition root: config, connections, the assistance modules, HTTP, ordered shutdown on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig(assistanceConfigSchema);
  const logger = createLogger({ name: 'assistance', level: config.LOG_LEVEL });
  const rt = await openRuntime('assistance', config, logger);
  rt.shutdown.installSignalHandlers();
  const assistance = await createAssistance(rt, config);
  await serveHttp(rt, assistance.app);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config): stderr is the only safe place.
  process.stderr.write(
    `assistance failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
