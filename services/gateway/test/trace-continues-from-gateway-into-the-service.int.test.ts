import { addSpanProcessor, SpanKind } from '@fupin/kit';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { eventually, bearer } from '@fupin/testing';
import { startCounty, type CountyPlatform } from './support/county';

const spans = new InMemorySpanExporter();
addSpanProcessor(new SimpleSpanProcessor(spans));
let platform: CountyPlatform;

beforeAll(async () => {
  platform = await startCounty();
}, 180_000);
afterAll(async () => {
  await platform?.close();
});

test("a proxied request is one trace: the caller's, the gateway's span, then the service's", async () => {
  spans.reset();
  const callerTrace = '0af7651916cd43dd8448eb211c80319c';
  const callerSpan = 'b7ad6b7169203331';
  await platform
    .api()
    .get('/api/registry/areas')
    .query({ range: '[0,0]' })
    .set(bearer(platform.admin.accessToken))
    .set('traceparent', `00-${callerTrace}-${callerSpan}-01`)
    .expect(200);

  // This request's server spans, by path: the platform's own background calls (snapshots,
  // key fetches) make server spans of their own at the same time.
  const server = (service: string) =>
    spans
      .getFinishedSpans()
      .find(
        (s) =>
          s.kind === SpanKind.SERVER &&
          s.attributes['fupin.service'] === service &&
          s.attributes['url.path'] === (service === 'gateway' ? '/api/registry/areas' : '/areas'),
      );
  await eventually(() => {
    expect(server('registry')).toBeDefined();
    expect(server('gateway')).toBeDefined();
  });
  const gateway = server('gateway')!;
  const registry = server('registry')!;
  expect(gateway.spanContext().traceId).toBe(callerTrace);
  expect(gateway.parentSpanContext?.spanId).toBe(callerSpan);
  expect(registry.spanContext().traceId).toBe(callerTrace);
  expect(registry.parentSpanContext?.spanId).toBe(gateway.spanContext().spanId);
  expect(registry.name).toBe('GET /areas');
});
