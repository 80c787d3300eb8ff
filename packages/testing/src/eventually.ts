/**
 * Retries an assertion until it passes or the time is up, then throws its last error.
 * For outcomes that arrive asynchronously (an event consumed, a job retried).
 */
export async function eventually<T>(
  assertion: () => Promise<T> | T,
  opts: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let lastErr: unknown;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) throw lastErr;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}
