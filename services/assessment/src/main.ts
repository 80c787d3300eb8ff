import { createLogger, loadConfig, openRuntime, serveHttp } from '@fupin/kit';
import { createAssessment } from './assessment';
import { assessmentConfigSchema } from './config';

/** Composition root: config, connections, consumers, the quarterly job, HTTP, ordered shutdown. */
async function main(): Promise<void> {
  const config = loadConfig(assessmentConfigSchema);
  const logger = createLogger({ name: 'assessment', level: config.LOG_LEVEL });
  const rt = await openRuntime('assessment', config, logger);
  rt.shutdown.installSignalHandlers();
  const assessment = await createAssessment(rt, config);
  await serveHttp(rt, assessment.app);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad config): stderr is the only safe place.
  process.stderr.write(
    `assessment failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
