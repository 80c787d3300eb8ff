import type { Envelope } from '@fupin/contracts';
import { trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { createTestIssuer, eventually } from '@fupin/testing';
import request from 'supertest';
import {
  addSpanProcessor,
  bindMetrics,
  createMetrics,
  createQueue,
  createRedis,
  createServiceApp,
  createTokenVerifier,
  ensureTopics,
  EventConsumer,
  handle,
  OutboxRelay,
  SpanKind,
  withOutbox,
} from '../src';
import { kitContext } from './fixtures/context';
import { WidgetChanged, widgetChanged, widgetModel } from './fixtures/widget';

const spans = new InMemorySpanExporter();
addSpanProcessor(new SimpleSpanProcessor(spans), 'kit-test');

let ctx: Awaited<ReturnType<typeof kitContext>>;
let metrics: ReturnType<typeof createMetrics>;
let relay: OutboxRelay;

beforeAll(async () => {
  ctx = await kitContext([WidgetChanged.topic]);
  metrics = createMetrics('kit-trace');
  // What openRuntime does: the kit's consumers, relays and queues find the service's metrics.
  bindMetrics(metrics, ctx.kafka, ctx.producer, ctx.logger);
  relay = new OutboxRelay({
    models: [widgetModel(ctx.conn)],
    producer: ctx.producer,
    logger: ctx.logger,
    topicPrefix: ctx.prefix,
    pollMs: 100,
  });
  metrics.watchOutbox(relay);
});
afterAll(async () => {
  await relay?.stop();
  await ctx?.close();
});

async function app() {
  const Widget = widgetModel(ctx.conn);
  // No route here needs a token; the verifier is only what createServiceApp requires.
  const issuer = await createTestIssuer();
  const verifier = await createTokenVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    publicKeyPem: issuer.publicKeyPem,
  });
  return createServiceApp({
    name: 'kit-trace',
    logger: ctx.logger,
    metrics,
    readiness: [],
    verifier,
    publicRoutes: (router) => {
      router.post(
        '/widgets/:id',
        handle(async (req, res) => {
          const id = String(req.params.id);
          await Widget.create(
            withOutbox({ _id: id, name: `w-${id}`, count: 1 }, [widgetChanged(id, 1)]),
          );
          relay.notify();
          res.status(201).json({ id });
        }),
      );
    },
    routes: () => undefined,
  });
}

const finished = (): ReadableSpan[] => spans.getFinishedSpans();
const byKind = (kind: SpanKind, name: RegExp) =>
  finished().filter((s) => s.kind === kind && name.test(s.name));

test('a trace started by an HTTP request is carried by its event and continued by the consumer', async () => {
  const Widget = widgetModel(ctx.conn);
  const handled: { event: Envelope; traceId: string | undefined }[] = [];
  const consumer = new EventConsumer({
    kafka: ctx.kafka,
    conn: ctx.conn,
    producer: ctx.producer,
    groupId: `${ctx.prefix}-trace`,
    topics: [WidgetChanged.topic],
    topicPrefix: ctx.prefix,
    logger: ctx.logger,
    handle: async (event) => {
      handled.push({ event, traceId: trace.getActiveSpan()?.spanContext().traceId });
      // What the handler writes carries the same trace on to the next consumer.
      if (event.aggregateId === 'w-traced')
        await Widget.create(
          withOutbox({ _id: 'w-follow', name: 'follow', count: 2 }, [widgetChanged('w-follow', 2)]),
        );
    },
  });
  await consumer.start();
  relay.start();
  try {
    // The gateway's span is the parent the service continues.
    const gatewayTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const gatewaySpan = '00f067aa0ba902b7';
    await request(await app())
      .post('/widgets/w-traced')
      .set('traceparent', `00-${gatewayTrace}-${gatewaySpan}-01`)
      .expect(201);

    await eventually(() =>
      expect(handled.map((h) => h.event.aggregateId).sort()).toEqual(['w-follow', 'w-traced']),
    );
    const first = handled.find((h) => h.event.aggregateId === 'w-traced')!;
    const follow = handled.find((h) => h.event.aggregateId === 'w-follow')!;
    // The event names the request's trace; the handler runs inside it; so does the next event.
    expect(first.event.traceparent).toMatch(new RegExp(`^00-${gatewayTrace}-[0-9a-f]{16}-01$`));
    expect(first.traceId).toBe(gatewayTrace);
    expect(follow.event.traceparent?.split('-')[1]).toBe(gatewayTrace);
    expect(follow.traceId).toBe(gatewayTrace);

    // server span → producer span → consumer span, one trace, each the parent of the next.
    await eventually(() => expect(byKind(SpanKind.CONSUMER, /process/).length).toBe(2));
    const serverSpan = byKind(SpanKind.SERVER, /^POST \/widgets\/:id$/)[0]!;
    expect(serverSpan.spanContext().traceId).toBe(gatewayTrace);
    expect(serverSpan.parentSpanContext?.spanId).toBe(gatewaySpan);
    expect(first.event.traceparent?.split('-')[2]).toBe(serverSpan.spanContext().spanId);
    const publish = byKind(SpanKind.PRODUCER, /^publish .*kittest\.widget\.v1$/).find(
      (s) => s.parentSpanContext?.spanId === serverSpan.spanContext().spanId,
    );
    expect(publish).toBeDefined();
    const processSpan = byKind(SpanKind.CONSUMER, /process/).find(
      (s) => s.parentSpanContext?.spanId === publish!.spanContext().spanId,
    );
    expect(processSpan?.spanContext().traceId).toBe(gatewayTrace);
    expect(processSpan?.attributes['messaging.message.id']).toBe(first.event.id);
  } finally {
    await consumer.stop();
    await relay.stop();
  }
});

test('a request without trace context starts a new trace of its own', async () => {
  spans.reset();
  await request(await app())
    .post('/widgets/w-fresh')
    .expect(201);
  const serverSpan = byKind(SpanKind.SERVER, /^POST \/widgets\/:id$/)[0]!;
  expect(serverSpan.parentSpanContext).toBeUndefined();
  const stored = await widgetModel(ctx.conn).findById('w-fresh').select('+outbox').lean();
  const envelope = JSON.parse(stored!.outbox![0]!.value) as Envelope;
  expect(envelope.traceparent?.split('-')[1]).toBe(serverSpan.spanContext().traceId);
  // Probes are not traced.
  spans.reset();
  await request(await app())
    .get('/healthz')
    .expect(200);
  expect(finished()).toHaveLength(0);
});

test('/metrics shows consumer lag and throughput, outbox backlog and publishing, queue depth', async () => {
  const service = await app();
  const scrape = async () => (await request(service).get('/metrics').expect(200)).text;
  const value = (text: string, series: RegExp) => {
    const line = text.split('\n').find((l) => series.test(l));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };

  // Outbox backlog: the relay is stopped, so stored events wait (w-fresh from the test above).
  await widgetModel(ctx.conn).create(
    withOutbox({ _id: 'w-waiting', name: 'waiting', count: 1 }, [widgetChanged('w-waiting', 1)]),
  );
  expect(value(await scrape(), /^outbox_backlog\{/)).toBeGreaterThanOrEqual(2);
  relay.start();
  await eventually(async () => expect(value(await scrape(), /^outbox_backlog\{/)).toBe(0));
  expect(
    value(await scrape(), /^outbox_events_published_total\{.*topic=".*kittest\.widget\.v1"/),
  ).toBeGreaterThanOrEqual(4);

  // Consumer lag: a handler held on its first message leaves the rest of the batch waiting.
  // Its own topic, filled before the consumer starts, so the batch holds exactly these five.
  const lagPrefix = `${ctx.prefix}-lag`;
  const topic = `${lagPrefix}.${WidgetChanged.topic}`;
  await ensureTopics(ctx.kafka, [topic]);
  await ctx.producer.send({
    topic,
    acks: -1,
    messages: [1, 2, 3, 4, 5].map((n) => ({
      key: 'w-lag',
      value: JSON.stringify(widgetChanged('w-lag', n)),
    })),
  });
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const group = `${ctx.prefix}-lag`;
  const consumer = new EventConsumer({
    kafka: ctx.kafka,
    conn: ctx.conn,
    producer: ctx.producer,
    groupId: group,
    topics: [WidgetChanged.topic],
    topicPrefix: lagPrefix,
    logger: ctx.logger,
    handle: () => gate,
  });
  await consumer.start();
  try {
    const lagSeries = new RegExp(`^kafka_consumer_lag\\{.*group="${group}"`);
    await eventually(async () => expect(value(await scrape(), lagSeries)).toBe(5));
    release();
    await eventually(async () => expect(value(await scrape(), lagSeries)).toBe(0));
    const text = await scrape();
    expect(
      value(
        text,
        new RegExp(`^kafka_consumer_messages_total\\{.*group="${group}".*outcome="processed"`),
      ),
    ).toBe(5);
    expect(text).toMatch(
      new RegExp(`^kafka_consumer_processing_seconds_count\\{.*group="${group}"`, 'm'),
    );
  } finally {
    release();
    await consumer.stop();
    await relay.stop();
  }

  // Queue depth: jobs waiting with no worker.
  const connection = createRedis(ctx.infra.redisUrl, ctx.logger);
  const queue = createQueue<{ n: number }>('kit-metrics', {
    connection,
    prefix: ctx.prefix,
    logger: ctx.logger,
  });
  try {
    await queue.add('one', { n: 1 });
    await queue.add('two', { n: 2 }, { delay: 60_000 });
    const text = await scrape();
    expect(value(text, /^bullmq_queue_jobs\{.*queue="kit-metrics".*state="waiting"/)).toBe(1);
    expect(value(text, /^bullmq_queue_jobs\{.*queue="kit-metrics".*state="delayed"/)).toBe(1);
    expect(value(text, /^http_requests_in_flight\{/)).toBeGreaterThanOrEqual(0);
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  }
  expect(await scrape()).not.toMatch(/queue="kit-metrics"/);
});
