import type { Router } from 'express';
import type { AuditLog } from '../audit';
import type { KeyResealJob } from '../reseal/key-reseal-job';
import { handle } from './app';
import { principalOf, requireRight } from './auth';

/**
 * `POST /keys/reseal` (starts the reseal, 202 with its job id; a start while one runs answers
 * that one) and `GET /keys/reseal` (the latest run and the values left on old keys), on every
 * service that keeps sealed personal data: the administrator's right (`users.write`).
 */
export function keyResealRoutes(router: Router, job: KeyResealJob, audit: AuditLog): void {
  router.post(
    '/keys/reseal',
    requireRight('users', 'write'),
    handle(async (req, res) => {
      const jobId = await job.request();
      // Who started a reseal, and with which keys current, is the audit trail's (key ids only).
      await audit.record(principalOf(req), {
        action: 'key_reseal',
        subjectType: 'key_reseal',
        subjectIds: [jobId],
        fields: [],
        reason: null,
        requestId: typeof req.id === 'string' ? req.id : null,
        after: job.currentKeys,
      });
      req.log.info({ jobId, by: principalOf(req).userId }, 'key reseal requested');
      res.status(202).json({ jobId });
    }),
  );
  router.get(
    '/keys/reseal',
    requireRight('users', 'write'),
    handle(async (_req, res) => {
      res.json(await job.status());
    }),
  );
}

const problem = { $ref: '#/components/responses/Problem' };

const collectionProgress = {
  type: 'object',
  required: ['collection', 'total', 'done', 'resealed', 'skipped'],
  properties: {
    collection: { type: 'string' },
    total: { type: 'integer', description: 'documents when the walk began' },
    done: { type: 'integer', description: 'documents read' },
    resealed: { type: 'integer', description: 'documents sealed again with the current key' },
    skipped: { type: 'integer', description: 'edited meanwhile: left for the next run' },
  },
};

const heldKeys = (name: string) => ({
  type: 'object',
  required: ['current', 'previous'],
  description: `${name}: the ids of the keys this service holds (never a key)`,
  properties: {
    current: { type: 'string', description: 'what new values are sealed or hashed with' },
    previous: {
      type: 'array',
      items: { type: 'string' },
      description: 'held only to open what they sealed (or find what they hashed)',
    },
  },
});

const status = {
  type: 'object',
  required: ['run', 'collections', 'keys'],
  properties: {
    run: {
      type: ['object', 'null'],
      required: ['id', 'state', 'progress', 'failedReason'],
      properties: {
        id: { type: 'string' },
        state: { type: 'string', description: 'waiting, active, completed, failed, …' },
        progress: {
          type: 'object',
          required: ['collections'],
          properties: { collections: { type: 'array', items: collectionProgress } },
        },
        failedReason: { type: ['string', 'null'] },
      },
    },
    collections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['collection', 'valuesOnOldKeys'],
        properties: {
          collection: { type: 'string' },
          valuesOnOldKeys: { type: 'integer', description: 'zero: the old key can be dropped' },
        },
      },
    },
    keys: {
      type: 'object',
      required: ['encryption', 'hmac'],
      properties: {
        encryption: heldKeys('PII_ENCRYPTION_KEY'),
        hmac: heldKeys('PII_HMAC_KEY'),
      },
    },
  },
};

/** The operations `keyResealRoutes` serves, documented once here for every service that has them. */
export function documentKeyReseal<D extends { paths?: Record<string, unknown> }>(doc: D): D {
  const answers = { '401': problem, '403': problem };
  return {
    ...doc,
    paths: {
      ...doc.paths,
      '/keys/reseal': {
        post: {
          operationId: 'keyResealStart',
          summary: '重新加密 Seal old-key values again',
          description:
            'Starts sealing again with the current key every personal value of this service ' +
            'sealed with a previous key (see docs/key-rotation.md). One run at a time: a start ' +
            'while one waits or runs answers its id.',
          'x-right': 'users.write',
          responses: {
            '202': {
              description: 'Started',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['jobId'],
                    properties: { jobId: { type: 'string' } },
                  },
                },
              },
            },
            ...answers,
          },
        },
        get: {
          operationId: 'keyResealStatus',
          summary: '重新加密进度 The reseal, the values left on old keys and the key ids held',
          'x-right': 'users.write',
          responses: {
            '200': { description: 'Status', content: { 'application/json': { schema: status } } },
            ...answers,
          },
        },
      },
    },
  };
}
