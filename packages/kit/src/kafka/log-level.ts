import { logLevel } from 'kafkajs';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * What the broker answers while a topic or a consumer group is still being set up: kafkajs logs
 * them at error level and retries, and they pass within seconds of a start.
 */
const TRANSIENT =
  /coordinator is not available|not the (correct )?coordinator|coordinator (load|is loading)|does not host this topic-partition|no leader for this topic-partition|leader not available|not the leader for that topic-partition|topic with this name already exists|group is rebalancing|rebalance in progress/i;

/**
 * The pino level of one kafkajs log entry: its own level, except the transient answers of a
 * start (a topic being created, a group coordinator being elected), which are warnings.
 */
export function kafkaLogLevel(
  level: number,
  entry: { error?: unknown; message?: unknown },
): 'error' | 'warn' | 'info' | 'debug' {
  const mapped = LEVELS[level] ?? 'info';
  if (mapped !== 'error') return mapped;
  const text = `${String(entry.error ?? '')} ${String(entry.message ?? '')}`;
  return TRANSIENT.test(text) ? 'warn' : 'error';
}
