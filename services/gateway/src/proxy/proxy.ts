import { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  AppError,
  authenticate,
  bi,
  currentTraceparent,
  problemOf,
  type TokenVerifier,
} from '@fupin/kit';
import type { Express, RequestHandler } from 'express';
import { createProxyMiddleware, proxyEventsPlugin } from 'http-proxy-middleware';
import type { Logger } from 'pino';

function sendProblem(res: ServerResponse, err: AppError, instance: string, requestId?: string) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(err.status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify(problemOf(err, instance, requestId)));
}

const requestIdOf = (req: IncomingMessage) => {
  const id = (req as IncomingMessage & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Refuses a body larger than the limit before anything is forwarded. A body without a
 * declared length (chunked) is refused too: its size could only be known by buffering it.
 */
export function bodyLimit(maxBytes: number): RequestHandler {
  return (req, _res, next) => {
    const length = req.headers['content-length'];
    if (length === undefined && req.headers['transfer-encoding']) {
      return next(
        new AppError(
          411,
          'GATEWAY_LENGTH_REQUIRED',
          bi('请求须声明内容长度', 'The request must declare its Content-Length'),
        ),
      );
    }
    if (Number(length ?? 0) > maxBytes) {
      const mb = Math.round(maxBytes / 1024 / 1024);
      return next(
        new AppError(
          413,
          'GATEWAY_BODY_TOO_LARGE',
          bi(`请求内容超过 ${mb} MB 上限`, `The request body exceeds ${mb} MB`),
        ),
      );
    }
    next();
  };
}

/**
 * What every service serves besides its API (the kit mounts them): its liveness, readiness
 * and metrics are for the cluster — probes and Prometheus reach the service's own port —
 * and its OpenAPI document is read through the gateway by signed-in users only.
 */
const OPERATIONAL = new Set(['/healthz', '/readyz', '/metrics']);
const DOCUMENT = '/openapi.json';

/**
 * The path as the service's router would match it: express ignores case and a trailing
 * slash, so `/METRICS/` reaches `/metrics` too; repeated slashes are folded as well.
 */
const routedPath = (path: string) =>
  path
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/+$/, '$1')
    .toLowerCase();

/**
 * 404 for a service's operational endpoints, as for any path the gateway does not serve,
 * and 401 for its OpenAPI document without a valid token.
 */
export function privatePaths(service: string, verify: TokenVerifier): RequestHandler {
  const signedIn = authenticate(verify);
  return (req, res, next) => {
    const path = routedPath(req.path);
    if (OPERATIONAL.has(path)) {
      const full = `/api/${service}${req.path}`;
      return next(
        new AppError(
          404,
          'ROUTE_NOT_FOUND',
          bi(`没有这个接口：${req.method} ${full}`, `No such endpoint: ${req.method} ${full}`),
        ),
      );
    }
    if (path === DOCUMENT) return signedIn(req, res, next);
    next();
  };
}

/**
 * `/api/<service>/...` → the service's API (not its operational endpoints: `privatePaths`),
 * with the request id passed on. The services verify the token themselves; the gateway only
 * routes, limits the size and answers problem+json when a service cannot be reached.
 *
 * Connections to the services are kept open and reused (one keep-alive agent per service):
 * without an agent the proxy asks each service to close the connection after every answer,
 * and passes that `Connection: close` on to the client, so every request through the gateway
 * paid for two new TCP connections. Returns what closes the kept connections at shutdown.
 */
export function mountProxy(
  app: Express,
  opts: {
    services: Record<string, string>;
    bodyLimitBytes: number;
    logger: Logger;
    verify: TokenVerifier;
  },
): () => void {
  const agents: Agent[] = [];
  for (const [name, target] of Object.entries(opts.services)) {
    // Idle sockets are closed well before the services' own keep-alive timeout (65 s), so a
    // request is never sent on a socket the service is closing.
    const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 });
    agents.push(agent);
    const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
      target,
      agent,
      changeOrigin: true,
      xfwd: true,
      proxyTimeout: 60_000,
      ejectPlugins: true,
      plugins: [proxyEventsPlugin],
      on: {
        proxyReq: (proxyReq, req) => {
          const id = requestIdOf(req);
          if (id) proxyReq.setHeader('x-request-id', id);
          // The service continues the gateway's span (the client's own traceparent is replaced).
          const traceparent = currentTraceparent();
          if (traceparent) proxyReq.setHeader('traceparent', traceparent);
        },
        error: (err, req, res) => {
          opts.logger.warn(
            { service: name, code: (err as NodeJS.ErrnoException).code },
            'proxy: service unreachable',
          );
          if (!('writeHead' in res)) {
            res.destroy();
            return;
          }
          sendProblem(
            res,
            new AppError(
              502,
              'GATEWAY_SERVICE_UNAVAILABLE',
              bi(`服务「${name}」暂时不可用`, `The ${name} service is unavailable`),
            ),
            req.url ?? '',
            requestIdOf(req),
          );
        },
      },
    });
    app.use(`/api/${name}`, privatePaths(name, opts.verify), bodyLimit(opts.bodyLimitBytes), proxy);
  }
  return () => {
    for (const agent of agents) agent.destroy();
  };
}
