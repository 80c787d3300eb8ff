import { z } from 'zod';

/** A 12-digit 统计用区划代码 — always a string, never a number. */
export const areaCodeSchema = z.string().regex(/^\d{12}$/, 'area code must be 12 digits');

/** Who caused an event: a user (from the JWT) or a system process (a relay, a job). */
export const actorSchema = z.object({
  kind: z.enum(['user', 'system']),
  id: z.string().min(1),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system' };

/**
 * The envelope every domain event travels in. `type` names what happened
 * (`registry.area.created`), `version` the payload schema version; the topic is
 * `<context>.<aggregate>.v<version>` and the message key is `aggregateId`.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z
    .string()
    .regex(/^[a-z]+\.[a-z_]+\.[a-z_]+$/, 'type is <context>.<aggregate>.<what happened>'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateId: z.string().min(1),
  areaCode: areaCodeSchema,
  actor: actorSchema,
  payload: z.unknown(),
  /** W3C trace context of the request that caused the event, when there was one. */
  traceparent: z.string().optional(),
});

export type Envelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & {
  payload: P;
};
