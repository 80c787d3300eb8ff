import type { Session } from '../client';
import type { DemoPlugin } from '../plugin';

// 密钥轮换: the administrator reseals the registry as 系统管理 › 密钥轮换 → 开始重新加密 would, so
// the page opens on a completed run with no value left on an old key, and 审计日志 shows its start
// (启动密钥轮换重新加密). The demo holds one key of each kind (k1), so there is nothing to seal
// again: the run only reads the households and ends at once.

const SERVICE = 'registry';
const PATH = `/api/${SERVICE}/keys/reseal`;
const JOB_TIMEOUT_MS = 2 * 60_000;

interface Status {
  run: {
    id: string;
    state: string;
    progress: { collections: { collection: string; total: number; resealed: number }[] };
    failedReason: string | null;
  } | null;
  collections: { collection: string; valuesOnOldKeys: number }[];
  keys: { encryption: { current: string }; hmac: { current: string } };
}

async function completed(admin: Session, jobId: string): Promise<Status> {
  const started = Date.now();
  for (;;) {
    const status = (await admin.get<Status>(PATH)).body;
    const run = status.run;
    if (run?.id === jobId && run.state === 'failed')
      throw new Error(`密钥轮换 of the ${SERVICE}: ${run.failedReason ?? 'failed'}`);
    if (run?.id === jobId && run.state === 'completed') return status;
    if (Date.now() - started > JOB_TIMEOUT_MS)
      throw new Error(`密钥轮换 of the ${SERVICE}: not finished in ${JOB_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const registryKeyRotationPlugin: DemoPlugin = {
  name: 'registry-key-rotation',
  probe: PATH,
  async isSeeded(ctx) {
    const admin = await ctx.as('admin');
    return (await admin.get<Status>(PATH)).body.run?.state === 'completed';
  },
  async seed(ctx) {
    const admin = await ctx.as('admin');
    const { jobId } = (await admin.request<{ jobId: string }>('POST', PATH)).body;
    const status = await completed(admin, jobId);
    const read = status.run!.progress.collections.reduce((n, c) => n + c.total, 0);
    const left = status.collections.reduce((n, c) => n + c.valuesOnOldKeys, 0);
    ctx.log(
      `密钥轮换: the ${SERVICE} resealed with ${status.keys.encryption.current} / ` +
        `${status.keys.hmac.current}, ${read} records read, ${left} values left on old keys ` +
        `— 系统管理 › 密钥轮换 (job ${jobId})`,
    );
  },
};
