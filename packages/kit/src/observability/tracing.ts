import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type Span as SdkSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/**
 * OpenTelemetry tracing (链路追踪) without auto-instrumentation: the kit makes the spans itself
 * in its HTTP middleware, the outbox relay and EventConsumer, and carries the W3C trace
 * context from a request into the events it causes (the envelope's `traceparent` and the
 * Kafka message's `traceparent` header), so one trace runs from the click in the console
 * through the gateway, the service and every consumer downstream.
 *
 * Spans are always made (ids are cheap and let logs be correlated); they are exported only
 * when OTEL_EXPORTER_OTLP_ENDPOINT is set (OTLP over HTTP to a collector).
 */

/** Forwards to processors added at any time (the SDK takes its processors at construction). */
class ProcessorList implements SpanProcessor {
  readonly list: SpanProcessor[] = [];
  onStart(span: SdkSpan, parent: Context): void {
    for (const p of this.list) p.onStart(span, parent);
  }
  onEnd(span: ReadableSpan): void {
    for (const p of this.list) p.onEnd(span);
  }
  async forceFlush(): Promise<void> {
    await Promise.all(this.list.map((p) => p.forceFlush()));
  }
  async shutdown(): Promise<void> {
    await Promise.all(this.list.map((p) => p.shutdown()));
  }
}

interface TracingState {
  provider: NodeTracerProvider;
  processors: ProcessorList;
  exporting: boolean;
}
let state: TracingState | undefined;

/**
 * Registers the process's tracer provider once (later calls return the same one): W3C trace
 * context propagation, async context that follows awaits, and the OTLP exporter when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set. The first caller names the process in the traces
 * (`OTEL_SERVICE_NAME` wins); HTTP spans also carry `fupin.service`, so tests that start
 * several services in one process can tell them apart.
 */
export function setupTracing(
  serviceName: string,
  env: Record<string, string | undefined> = process.env,
): { exporting: boolean; flush: () => Promise<void>; shutdown: () => Promise<void> } {
  if (!state) {
    const processors = new ProcessorList();
    const exporting = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT);
    if (exporting) processors.list.push(new BatchSpanProcessor(new OTLPTraceExporter()));
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({
        [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? serviceName,
      }),
      spanProcessors: [processors],
    });
    provider.register({ propagator: new W3CTraceContextPropagator() });
    state = { provider, processors, exporting };
  }
  const s = state;
  return {
    exporting: s.exporting,
    flush: () => s.provider.forceFlush(),
    shutdown: () => s.provider.shutdown(),
  };
}

/** Adds a span processor to the process's provider (tests: an in-memory exporter). */
export function addSpanProcessor(processor: SpanProcessor, serviceName = 'fupin'): void {
  setupTracing(serviceName);
  state!.processors.list.push(processor);
}

/** The tracer of the kit's own spans (HTTP server, outbox publish, event processing). */
export function kitTracer(): Tracer {
  return trace.getTracer('@fupin/kit');
}

/** The W3C `traceparent` of the active span, to put in an envelope or an outgoing request. */
export function currentTraceparent(ctx: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

/** Headers that continue the active trace in an outgoing HTTP call (`fetch(url, { headers })`). */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The context a received `traceparent` (header or envelope field) continues; root when absent or malformed. */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  if (!traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** The trace id of the active span, for log lines; undefined outside a trace. */
export function currentTraceId(ctx: Context = context.active()): string | undefined {
  const sc = trace.getSpanContext(ctx);
  return sc && trace.isSpanContextValid(sc) ? sc.traceId : undefined;
}

/** Ends a span with the outcome of the work it covered. */
export function endSpan(span: Span, err?: unknown): void {
  if (err !== undefined) {
    span.recordException(err instanceof Error ? err : new Error(String(err)));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: err instanceof Error ? err.message : String(err),
    });
  }
  span.end();
}

export { SpanKind };

/** Attribute names of the messaging semantic conventions the kit's Kafka spans use. */
export const MESSAGING = {
  system: 'messaging.system',
  destination: 'messaging.destination.name',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  consumerGroup: 'messaging.consumer.group.name',
  messageId: 'messaging.message.id',
  partition: 'messaging.destination.partition.id',
  offset: 'messaging.kafka.offset',
  key: 'messaging.kafka.message.key',
} as const;
