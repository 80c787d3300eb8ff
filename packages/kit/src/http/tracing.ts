import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { RequestHandler } from 'express';
import { endSpan, kitTracer, SpanKind } from '../observability/tracing';

const QUIET = /^\/(healthz|readyz|metrics)$/;

/**
 * A SERVER span per request, continuing the caller's `traceparent` (the gateway's, or the
 * console's when it sends one). The rest of the request — handlers, database calls, events
 * written to the outbox — runs inside it, so the events carry the request's trace. Probes and
 * scrapes are not traced (they would drown the traces that matter).
 */
export function tracingMiddleware(service: string): RequestHandler {
  return (req, res, next) => {
    if (QUIET.test(req.path)) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = kitTracer().startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: req.method,
          [ATTR_URL_PATH]: req.path,
          'fupin.service': service,
        },
      },
      parent,
    );
    const ctx = trace.setSpan(parent, span);
    // Body parsers and stream handlers run from the socket's callbacks: bind the request and
    // response emitters so their listeners stay inside the request's context.
    context.bind(ctx, req);
    context.bind(ctx, res);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      // The matched route pattern names the span (`GET /households/:id`), never raw ids.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : undefined;
      if (route) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute(ATTR_HTTP_ROUTE, route);
      }
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      // The request id the access log shows leads from a log line to the trace.
      const requestId = res.getHeader('x-request-id');
      if (typeof requestId === 'string') span.setAttribute('fupin.request_id', requestId);
      endSpan(span, res.statusCode >= 500 ? new Error(`HTTP ${res.statusCode}`) : undefined);
    };
    res.on('finish', end);
    res.on('close', end);
    context.with(ctx, next);
  };
}
