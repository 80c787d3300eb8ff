import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 审计链 — the state of each service's audit chain shown above the audit search. */
const zhCN = {
  auditChain: {
    ok: '%{service}：审计链完整（%{count} 条，校验于 %{at}）',
    unchained: '另有 %{count} 条为启用审计链（第 %{seq} 条）之前的记录，未纳入校验。',
    problem: '%{service}：审计链异常（校验于 %{at}）',
    unreachable: '%{service}：无法校验（%{status}，%{at}）',
    seq: '第 %{seq} 条',
    load_failed: '审计链状态读取失败',
    kind: {
      changed: '记录被修改',
      deleted: '记录被删除',
      inserted: '记录被插入',
      tail_missing: '末尾记录缺失（锚点之后）',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  auditChain: {
    ok: '%{service}: audit chain whole (%{count} entries, verified %{at})',
    unchained: '%{count} more entries from before the chain began (seq %{seq}) are not checked.',
    problem: '%{service}: audit chain broken (verified %{at})',
    unreachable: '%{service}: could not verify (%{status}, %{at})',
    seq: 'seq %{seq}',
    load_failed: 'The audit chains could not be read',
    kind: {
      changed: 'entry changed',
      deleted: 'entry deleted',
      inserted: 'entry inserted',
      tail_missing: 'last entries missing (after the anchor)',
    },
  },
};

export const auditChainMessages: ModuleMessages = { zhCN, en };
