import type { RequestHandler } from 'express';

/** A dependency the service cannot answer without (Mongo, the Kafka producer, Redis). */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** `/healthz`: the process is alive. Never touches dependencies, so it cannot flap. */
export const livenessHandler: RequestHandler = (_req, res) => {
  res.json({ status: 'ok' });
};

/** `/readyz`: 200 when every check passes within the timeout, 503 naming the failures. */
export function readinessHandler(checks: ReadinessCheck[], timeoutMs = 2000): RequestHandler {
  return async (_req, res) => {
    const results = await Promise.all(
      checks.map(async (c) => {
        try {
          await withTimeout(c.check(), timeoutMs, c.name);
          return { name: c.name, ok: true as const };
        } catch (err) {
          return {
            name: c.name,
            ok: false as const,
            error: err instanceof Error ? err.message : String(err),
          };
        }
      }),
    );
    const ready = results.every((r) => r.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  };
}
