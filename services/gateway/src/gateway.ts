import path from 'node:path';
import { AuditAnchored, AuditRecorded } from '@fupin/contracts';
import {
  EventConsumer,
  loadOpenApi,
  openService,
  scopedRepository,
  type ServiceOptions,
  type ServiceRuntime,
  startService,
} from '@fupin/kit';
import cors from 'cors';
import helmet from 'helmet';
import type { AuditRecorded as AuditContract } from '@fupin/contracts';
import { type AuditRecord, auditRecordModel } from './audit/audit.model';
import { AuditAnchorStore } from './audit/audit-anchors';
import { auditChainRoutes } from './audit/audit-chains';
import { auditRoutes } from './audit/audit.routes';
import { AuditStore } from './audit/audit.service';
import type { GatewayConfig } from './config';
import { docsRoutes } from './docs/docs.routes';
import { cardRoutes } from './prints/card/card.routes';
import { consistencyModule } from './consistency';
import {
  type ConsistencyItem,
  consistencyItemModel,
  type ConsistencyRun,
  consistencyRunModel,
} from './consistency/consistency.model';
import { dossierRoutes } from './dossier/dossier.routes';
import { ledgerRoutes } from './ledger/ledger.routes';
import { mountProxy } from './proxy/proxy';
import { printsModule } from './prints/print.job';
import { refreshTokenModel } from './sessions/refresh-token.model';
import { sessionPublicRoutes, sessionRoutes } from './sessions/session.routes';
import type { SigningKeys } from './sessions/signing-keys';
import { type User, userModel } from './users/user.model';
import { jobCallerFactory } from './upstream/job-caller';
import { signIn } from './sessions/sign-in';
import { userRoutes } from './users/user.routes';
import type { Envelope } from '@fupin/contracts';
import type { z } from 'zod';

/** audit.v1 carries the services' entries and the daily anchors of their chains. */
function auditEventHandler(store: AuditStore, anchors: AuditAnchorStore) {
  return (event: Envelope) =>
    event.type === AuditAnchored.type
      ? anchors.store(event as Envelope<z.output<(typeof AuditAnchored)['payload']>>)
      : store.store(event as Envelope<z.output<(typeof AuditContract)['payload']>>);
}

/**
 * Composition of the gateway on an open runtime: users, sessions, the audit store and its
 * consumer, the reverse proxy and the API docs. Used by main.ts, the bootstrap command and
 * the integration tests.
 */
export async function createGateway(
  rt: ServiceRuntime,
  config: GatewayConfig,
  keys: SigningKeys,
  opts: Pick<ServiceOptions, 'now' | 'consume'> = {},
) {
  const models = {
    users: userModel(rt.conn),
    refreshTokens: refreshTokenModel(rt.conn),
    audit: auditRecordModel(rt.conn),
    consistencyRuns: consistencyRunModel(rt.conn),
    consistencyItems: consistencyItemModel(rt.conn),
  };
  // Users and audit entries are area-scoped: services reach them through these repositories.
  const scoped = {
    users: scopedRepository<User>(models.users),
    audit: scopedRepository<AuditRecord>(models.audit, 'actorArea'),
    consistencyRuns: scopedRepository<ConsistencyRun>(models.consistencyRuns),
    consistencyItems: scopedRepository<ConsistencyItem>(models.consistencyItems),
  };
  const service = openService(rt, config, opts);
  const { redis, now } = service;
  const { revoker, guard, issuer, sessions, users } = signIn(service, config, keys, {
    users: scoped.users,
    refreshTokens: models.refreshTokens,
  });
  const store = new AuditStore(scoped.audit, now);
  const anchors = new AuditAnchorStore(rt.conn, now);
  const upstream = { services: config.GATEWAY_SERVICES, logger: rt.logger };
  // Background jobs (a village's prints, consistency checks) ask the services as their starter.
  const jobCaller = jobCallerFactory({
    users: scoped.users,
    issuer,
    verify: rt.verifier,
    now,
  });
  const auditConsumer = new EventConsumer({
    kafka: rt.kafka,
    conn: rt.conn,
    producer: rt.producer,
    groupId: rt.group('audit-store'),
    topics: [AuditRecorded.topic],
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    logger: rt.logger,
    maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
    handle: auditEventHandler(store, anchors),
  });

  const app = await startService(service, {
    modules: [
      ...(service.consume
        ? [
            {
              name: 'audit consumer',
              start: () => auditConsumer.start(),
              stop: () => auditConsumer.stop(),
            },
          ]
        : []),
      // 扶贫手册 and 明白卡 of a village: a job run as its requester, its file in GridFS.
      printsModule(service, { ...upstream, jobCaller }),
      // 一户一档核对: a village's or township's dossiers checked by a job run as its requester.
      consistencyModule(service, {
        ...upstream,
        jobCaller,
        runs: scoped.consistencyRuns,
        items: scoped.consistencyItems,
      }),
    ],
    openapi: path.join(__dirname, 'openapi'),
    app: {
      middleware: [
        helmet(),
        // Only the console's origin gets CORS headers; others get none at all.
        cors({
          origin: (origin, done) => done(null, origin === config.CONSOLE_ORIGIN),
          credentials: false,
          maxAge: 600,
          exposedHeaders: ['Content-Range', 'X-Request-Id', 'Content-Disposition'],
        }),
      ],
      beforeBody: (a) => {
        const closeProxy = mountProxy(a, {
          ...upstream,
          bodyLimitBytes: config.PROXY_BODY_LIMIT_BYTES,
          verify: rt.verifier,
        });
        rt.shutdown.add('proxy connections', async () => closeProxy());
      },
      publicRoutes: (router) => {
        sessionPublicRoutes(router, sessions, keys, rt.verifier);
        docsRoutes(router, {
          gatewayDoc: loadOpenApi(path.join(__dirname, 'openapi')),
          verify: rt.verifier,
          ...upstream,
        });
      },
    },
    routes: (router) => {
      sessionRoutes(router);
      userRoutes(router, users);
      // Before /audit/:id, which would take `chains` for an id.
      auditChainRoutes(router, {
        services: config.GATEWAY_SERVICES,
        audit: service.audit,
        anchors,
        now,
      });
      auditRoutes(router, store);
      dossierRoutes(router, upstream);
      ledgerRoutes(router, { ...upstream, audit: service.audit, now });
      cardRoutes(router, { ...upstream, audit: service.audit, now });
    },
  });
  const { relay } = service;
  return { app, relay, models, users, sessions, store, revoker, guard, redis, keys, jobCaller };
}
export type Gateway = Awaited<ReturnType<typeof createGateway>>;
