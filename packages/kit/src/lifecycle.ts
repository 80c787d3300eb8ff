import type { Logger } from 'pino';

type Step = { name: string; fn: () => Promise<unknown> };

/**
 * Ordered shutdown: steps run in reverse order of registration (stop taking work first,
 * close connections last), each bounded, the whole within `timeoutMs`.
 */
export class Shutdown {
  private readonly steps: Step[] = [];
  private started: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs = 10_000,
  ) {}

  add(name: string, fn: () => Promise<unknown>): void {
    this.steps.push({ name, fn });
  }

  run(reason: string): Promise<void> {
    this.started ??= (async () => {
      this.logger.info({ reason }, 'shutting down');
      const deadline = Date.now() + this.timeoutMs;
      for (const step of [...this.steps].reverse()) {
        const left = Math.max(deadline - Date.now(), 100);
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            step.fn(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`timed out after ${left} ms`)), left);
            }),
          ]);
        } catch (err) {
          this.logger.warn({ err, step: step.name }, 'shutdown step failed');
        } finally {
          clearTimeout(timer);
        }
      }
      this.logger.info('shut down');
    })();
    return this.started;
  }

  /** SIGTERM and SIGINT run the shutdown, then exit. */
  installSignalHandlers(): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        void this.run(signal).finally(() => process.exit(0));
      });
    }
  }
}
