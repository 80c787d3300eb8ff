import { createLogger, loadConfig, openRuntime, serveHttp } from '@fupin/kit';
import { fundsConfigSchema } from './config';
import { createFunds } from './funds';

/** Composition root: config, connections, the funds modules, HTTP, ordered shutdown on SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig(fundsConfigSchema);
  const logger = createLogger({ name: 'funds', level: config.LOG_LEVEL });
  const rt = await openRuntime('funds', config, logger);
  rt.shutdown.installSignalHandlers();
  const funds = await createFunds(rt, config);
  await serveHttp(rt, funds.app);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config): stderr is the only safe place.
  process.stderr.write(
    `funds failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
