import fs from 'node:fs';
import path from 'node:path';
import { createMetrics } from '@fupin/kit';
import { repoRoot } from './support/go-tool';

interface Panel {
  id: number;
  type: string;
  title: string;
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'deploy/grafana/fupin-overview.json'), 'utf8'),
) as { uid: string; panels: Panel[]; templating: { list: { name: string }[] } };

test('every series the dashboard queries is one the kit exports', async () => {
  const metrics = createMetrics('dashboard-test');
  const exported = new Set(
    (await metrics.registry.getMetricsAsJSON()).map((m) => m.name as string),
  );
  const queried = new Set(
    dashboard.panels
      .flatMap((p) => p.targets ?? [])
      .flatMap((t) => [...t.expr.matchAll(/\b([a-z][a-z0-9_]*)\{/g)].map((m) => m[1]!))
      .map((name) => name.replace(/_(bucket|count|sum)$/, '')),
  );
  expect(queried.size).toBeGreaterThan(10);
  for (const name of queried) expect([name, exported.has(name)]).toEqual([name, true]);
  // The four families are all on the dashboard.
  for (const family of [
    'http_request_duration_seconds',
    'kafka_consumer_lag',
    'bullmq_queue_jobs',
    'outbox_backlog',
  ])
    expect(queried).toContain(family);
});

test('the dashboard is importable: unique panel ids, a Prometheus data source variable', () => {
  const ids = dashboard.panels.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(dashboard.uid).toBe('fupin-overview');
  expect(dashboard.templating.list.map((v) => v.name)).toEqual(['datasource', 'service']);
  for (const p of dashboard.panels.filter((p) => p.type !== 'row'))
    expect([p.title, p.targets?.length ?? 0]).not.toEqual([p.title, 0]);
});
