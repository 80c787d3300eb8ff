import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Actor, type Envelope, envelopeSchema } from './envelope';
import { type ContractErrorIssue, type EventContract, findContract } from './registry';

/** An event that does not satisfy its contract. Never retried: it goes to the DLQ. */
export class ContractViolation extends Error {
  readonly code = 'EVENT_CONTRACT_VIOLATION';
  constructor(
    message: string,
    readonly issues: ContractErrorIssue[],
  ) {
    super(`${message}: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`);
    this.name = 'ContractViolation';
  }
}

function issuesOf(err: z.ZodError, prefix = ''): ContractErrorIssue[] {
  return err.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

/** Builds an envelope for a contract and validates it, so nothing malformed is ever stored. */
export function createEvent<S extends z.ZodType>(
  contract: EventContract<S>,
  input: {
    aggregateId: string;
    areaCode: string;
    actor: Actor;
    payload: z.input<S>;
    occurredAt?: Date;
    id?: string;
    traceparent?: string;
  },
): Envelope<z.output<S>> {
  const raw = {
    id: input.id ?? randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    aggregateId: input.aggregateId,
    areaCode: input.areaCode,
    actor: input.actor,
    payload: input.payload,
    ...(input.traceparent ? { traceparent: input.traceparent } : {}),
  };
  return validateAgainst(contract, raw);
}

function validateAgainst<S extends z.ZodType>(
  contract: EventContract<S>,
  raw: unknown,
): Envelope<z.output<S>> {
  const env = envelopeSchema.safeParse(raw);
  if (!env.success)
    throw new ContractViolation(`invalid envelope for ${contract.type}`, issuesOf(env.error));
  const payload = contract.payload.safeParse(env.data.payload);
  if (!payload.success) {
    throw new ContractViolation(
      `invalid payload for ${contract.type} v${contract.version}`,
      issuesOf(payload.error, 'payload'),
    );
  }
  return { ...env.data, payload: payload.data };
}

/**
 * Validates a received message against the registry: the envelope, the contract named by
 * its type and version, the payload, and (when given) that it arrived on the contract's topic.
 */
export function validateEvent(raw: unknown, receivedOnTopic?: string): Envelope {
  const env = envelopeSchema.safeParse(raw);
  if (!env.success) throw new ContractViolation('invalid event envelope', issuesOf(env.error));
  const contract = findContract(env.data.type, env.data.version);
  if (!contract) {
    throw new ContractViolation('unknown event', [
      { path: 'type', message: `no contract for ${env.data.type} v${env.data.version}` },
    ]);
  }
  if (receivedOnTopic !== undefined && !topicMatches(receivedOnTopic, contract.topic)) {
    throw new ContractViolation('event on the wrong topic', [
      {
        path: 'type',
        message: `${contract.type} belongs on ${contract.topic}, not ${receivedOnTopic}`,
      },
    ]);
  }
  return validateAgainst(contract, env.data);
}

/** Topics may carry a deployment or test prefix (`t123.registry.area.v1`). */
function topicMatches(actual: string, contractTopic: string): boolean {
  return actual === contractTopic || actual.endsWith(`.${contractTopic}`);
}

/** Parses a Kafka message value (JSON bytes) and validates it. */
export function decodeEvent(value: Buffer | string | null, receivedOnTopic?: string): Envelope {
  if (value === null)
    throw new ContractViolation('empty message', [{ path: '', message: 'no value' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (err) {
    throw new ContractViolation('message is not JSON', [
      { path: '', message: err instanceof Error ? err.message : String(err) },
    ]);
  }
  return validateEvent(parsed, receivedOnTopic);
}
