import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type Express, type RequestHandler, type Router } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { authenticate, type TokenVerifier } from './auth';
import { livenessHandler, readinessHandler, type ReadinessCheck } from './health';
import type { Metrics } from './metrics';
import { tracingMiddleware } from './tracing';
import { requestTypeGuard } from './content-type';
import { AppError, bi } from '../errors';
import { notFoundHandler, problemHandler, problemOf } from './problem';
import { requestSummary, responseSummary } from '../logger';

export interface ServiceAppOptions {
  name: string;
  logger: Logger;
  metrics?: Metrics;
  readiness: ReadinessCheck[];
  /** Verifies access tokens; every route registered in `routes` requires one. */
  verifier: TokenVerifier;
  /** Public documents served without a token, e.g. `{ '/openapi.json': doc }`. */
  publicDocs?: Record<string, unknown>;
  bodyLimit?: string;
  /** Middleware for every request, before health and docs (security headers, CORS). */
  middleware?: RequestHandler[];
  /** Mounted before the JSON body parser, for handlers that stream bodies (a reverse proxy). */
  beforeBody?: (app: Express) => void;
  /** Routes served without a token (sign-in, public keys), after the body parser. */
  publicRoutes?: (router: Router) => void;
  routes: (router: Router) => void;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The express app every service uses: a trace span per request, request ids, access logs
 * (redacted), 415 for a body type the OpenAPI document does not take, JSON body limit,
 * `/healthz` `/readyz` `/metrics`, token
 * verification, the service's routes, and problem+json for every error and unknown route.
 */
export function createServiceApp(opts: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(tracingMiddleware(opts.name));
  app.use(
    pinoHttp({
      logger: opts.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => /^\/(healthz|readyz|metrics)$/.test(req.url ?? '') },
      // A connection closed before any answer was sent (the client gave up, a proxy timed out)
      // is logged as such, not as a completed request with no status.
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.headersSent ? 'info' : 'warn',
      customSuccessMessage: (_req, res) =>
        res.headersSent ? 'request completed' : 'request closed before an answer was sent',
      serializers: { req: requestSummary, res: responseSummary },
    }),
  );
  if (opts.metrics) app.use(opts.metrics.middleware);
  for (const m of opts.middleware ?? []) app.use(m);

  app.get('/healthz', livenessHandler);
  app.get('/readyz', readinessHandler(opts.readiness));
  if (opts.metrics) app.get('/metrics', opts.metrics.handler);
  for (const [path, doc] of Object.entries(opts.publicDocs ?? {})) {
    app.get(path, (_req, res) => {
      res.json(doc);
    });
  }

  opts.beforeBody?.(app);
  const doc = opts.publicDocs?.['/openapi.json'];
  if (doc) app.use(requestTypeGuard(doc as Parameters<typeof requestTypeGuard>[0]));
  app.use(express.json({ limit: opts.bodyLimit ?? '1mb', strict: true }));
  if (opts.publicRoutes) {
    const open = express.Router();
    opts.publicRoutes(open);
    app.use(open);
  }
  app.use(authenticate(opts.verifier));
  const router = express.Router();
  opts.routes(router);
  app.use(router);

  app.use(notFoundHandler);
  app.use(problemHandler(opts.logger));
  return app;
}

/** Wraps an async handler so a rejected promise reaches the problem handler (express 5 does this too). */
export const handle =
  (fn: (...args: Parameters<RequestHandler>) => Promise<unknown>): RequestHandler =>
  (req, res, next) => {
    fn(req, res, next).catch(next);
  };

/**
 * Requests Node's HTTP parser refuses before express sees them (a URL or headers over the
 * size limit, malformed HTTP) still get a problem+json answer, not a bare status line.
 */
function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(
    problemOf(
      tooLarge
        ? new AppError(
            431,
            'REQUEST_HEADERS_TOO_LARGE',
            bi('请求的地址或头部过长', 'The request URL or headers are too large'),
          )
        : new AppError(400, 'REQUEST_MALFORMED', bi('请求格式错误', 'The request is malformed')),
    ),
  );
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Listens and resolves with the server once bound (port 0 → a free port). */
export function listen(app: Express, port: number, host = '0.0.0.0'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(server)));
    server.keepAliveTimeout = 65_000;
    server.on('clientError', answerClientError);
  });
}

/** Stops accepting connections and waits for in-flight requests, at most `timeoutMs`. */
export function closeServer(server: Server, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every route an app serves, as `METHOD /path/{param}` (OpenAPI style), for the test that
 * keeps the OpenAPI document and the routes in step.
 */
export function routesOf(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[] | undefined) => {
    for (const layer of stack ?? []) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on)
            out.push(
              `${method.toUpperCase()} ${layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
            );
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}
