import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 密钥轮换 — the keys each service holds and its reseal, for the administrator. */
const zhCN = {
  keyRotation: {
    name: '密钥轮换',
    hint_title: '轮换步骤（详见运维手册“密钥轮换”）',
    steps: {
      generate: '生成新密钥（如 k2），与当前密钥一并存入密钥库。',
      hold: '滚动重启每个服务的每个实例，先把新密钥配置为历史密钥，使所有实例都能解开新密钥加密的数据。',
      current:
        '再把新密钥设为当前密钥、旧密钥改为历史密钥，逐个实例滚动重启；本页“当前”一栏应显示新密钥。',
      reseal:
        '在本页逐个服务点击“开始重新加密”。轮换哈希密钥时先做建档立卡，待各服务同步完成后再做其他服务。',
      check: '等到每个服务“旧密钥上的值”均为 0；有跳过的记录时再重新加密一次。',
      drop: '从每个服务的配置中删除旧密钥并滚动重启。备份保留期内，旧密钥仍须留在密钥库中。',
    },
    columns: {
      service: '服务',
      encryption: '加密密钥',
      hmac: '哈希密钥',
      old_values: '旧密钥上的值',
      run: '最近一次重新加密',
      actions: '操作',
    },
    current: '当前：%{id}',
    previous: '历史：%{ids}',
    no_previous: '历史：无',
    old_total: '%{count} 个',
    no_run: '尚未重新加密',
    run_state: '状态：%{state}',
    skipped: '%{count} 条记录在处理期间被修改，已跳过，请再重新加密一次',
    failed: '重新加密失败：%{reason}',
    load_failed: '读取失败',
    state: {
      waiting: '排队中',
      active: '进行中',
      completed: '已完成',
      failed: '失败',
      delayed: '等待重试',
      prioritized: '排队中',
      'waiting-children': '排队中',
      unknown: '未知',
    },
    start: {
      button: '开始重新加密',
      title: '开始重新加密：%{service}',
      hint: '把%{service}中仍用旧密钥加密的个人信息用当前加密密钥重新加密，并按当前持有的哈希密钥重新计算哈希。任务在后台逐批进行，不影响业务使用；同一服务同时只运行一个任务。此操作会记入审计日志。',
      confirm: '开始',
      done: '已开始重新加密',
    },
    collections: {
      households: '贫困户',
      monitoring_warning_evidence: '监测预警证据',
      helpers: '帮扶责任人',
      disbursements: '资金发放',
      loans: '小额信贷',
      department_list_segments: '部门比对名单',
      complaints: '信访投诉',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  keyRotation: {
    name: 'Key rotation',
    hint_title: 'The steps (see the runbook, docs/key-rotation.md)',
    steps: {
      generate:
        'Generate the new key (e.g. k2) and store it in the secret store next to the current one.',
      hold: 'Rolling restart of every instance of every service with the new key among the previous keys (PII_ENCRYPTION_PREVIOUS_KEYS / PII_HMAC_PREVIOUS_KEYS), so every instance opens it.',
      current:
        'Make the new key current (PII_ENCRYPTION_KEY_ID / PII_HMAC_KEY_ID) and the old one previous, rolling restart; "Current" here shows the new id.',
      reseal:
        'Start the reseal on each service here. For the HMAC key, the registry first, then the others once their views are up to date.',
      check:
        'Wait until every service shows 0 values on old keys; reseal again if records were skipped.',
      drop: 'Remove the old key from every service and restart them one by one. Keep it in the secret store while backups from before are kept.',
    },
    columns: {
      service: 'Service',
      encryption: 'Encryption key',
      hmac: 'HMAC key',
      old_values: 'Values on old keys',
      run: 'Latest reseal',
      actions: 'Actions',
    },
    current: 'Current: %{id}',
    previous: 'Previous: %{ids}',
    no_previous: 'Previous: none',
    old_total: '%{count}',
    no_run: 'Not resealed yet',
    run_state: 'State: %{state}',
    skipped: '%{count} records were edited meanwhile and skipped: reseal again',
    failed: 'The reseal failed: %{reason}',
    load_failed: 'Could not be read',
    state: {
      waiting: 'Waiting',
      active: 'Running',
      completed: 'Completed',
      failed: 'Failed',
      delayed: 'Waiting to retry',
      prioritized: 'Waiting',
      'waiting-children': 'Waiting',
      unknown: 'Unknown',
    },
    start: {
      button: 'Start reseal',
      title: 'Start the reseal: %{service}',
      hint: "Seals again with the current encryption key every personal value of %{service} still sealed with an old key, and makes its keyed hashes again under the HMAC keys held. The job runs in the background in batches, without stopping the service's work; one run per service at a time. Starting it is audited.",
      confirm: 'Start',
      done: 'The reseal has started',
    },
    collections: {
      households: 'Households',
      monitoring_warning_evidence: 'Monitoring warning evidence',
      helpers: 'Helpers',
      disbursements: 'Disbursements',
      loans: 'Microloans',
      department_list_segments: 'Department lists',
      complaints: 'Complaints',
    },
  },
};

export const keyRotationMessages: ModuleMessages = { zhCN, en };
