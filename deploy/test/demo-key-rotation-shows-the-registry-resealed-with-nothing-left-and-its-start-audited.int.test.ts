import { registryKeyRotationPlugin } from '../demo/plugins/registry-key-rotation';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

const t = demoPlatformForThisFile();

interface Status {
  run: { id: string; state: string; progress: { collections: { total: number }[] } } | null;
  collections: { collection: string; valuesOnOldKeys: number }[];
  keys: Record<'encryption' | 'hmac', { current: string; previous: string[] }>;
}

test('the 密钥轮换 demo leaves the registry resealed at once, nothing on an old key, and its start in 审计日志', async () => {
  const log: string[] = [];
  const { ctx } = await demoPartContext(t.platform, {
    people: 200,
    seed: 24,
    only: ['gateway', 'registry'],
    log,
  });
  expect(await registryKeyRotationPlugin.isSeeded(ctx)).toBe(false);
  const started = Date.now();
  await registryKeyRotationPlugin.seed(ctx);
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(await registryKeyRotationPlugin.isSeeded(ctx)).toBe(true);

  // What 系统管理 › 密钥轮换 shows: the run completed over the households, nothing left, k1 held.
  const admin = await ctx.as('admin');
  const status = (await admin.get<Status>('/api/registry/keys/reseal')).body;
  expect(status.run!.state).toBe('completed');
  expect(status.run!.progress.collections[0]!.total).toBeGreaterThan(0);
  for (const c of status.collections) expect(c.valuesOnOldKeys).toBe(0);
  expect(status.keys).toEqual({
    encryption: { current: 'k1', previous: [] },
    hmac: { current: 'k1', previous: [] },
  });
  expect(log.join('\n')).toContain(`密钥轮换: the registry resealed with k1 / k1`);

  // 审计日志: the start, by the administrator, on the registry (audit.v1 reaches the gateway).
  const deadline = Date.now() + 30_000;
  let found: { service: string; subjectIds: string[] }[] = [];
  while (found.length === 0 && Date.now() < deadline) {
    found = await admin.list('/audit', {
      sort: ['at', 'DESC'],
      filter: { action: ['key_reseal'] },
    });
    if (found.length === 0) await new Promise((r) => setTimeout(r, 300));
  }
  expect(found).toEqual([
    expect.objectContaining({ service: 'registry', subjectIds: [status.run!.id] }),
  ]);
}, 600_000);
