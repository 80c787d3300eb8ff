import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/**
 * The decisions the audit log records beside accesses: a guarantee typed over the derived one
 * (or cleared), a change of the village exit conditions or of the poverty line, with the values
 * before and after (English has the same keys).
 */
const zhCN = {
  enums: {
    AuditAction: {
      guarantee_override: '人工认定保障状态',
      guarantee_override_cleared: '清除人工认定',
      exit_conditions_change: '修改贫困村退出条件',
      poverty_line_change: '修改扶贫标准',
    },
    SubjectType: { exit_conditions: '贫困村退出条件', poverty_line: '扶贫标准' },
  },
  resources: {
    audit: { fields: { before: '修改前', after: '修改后', change: '修改内容' } },
  },
  auditChange: { none: '（无）', arrow: '→' },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    AuditAction: {
      guarantee_override: 'Guarantee stated by hand',
      guarantee_override_cleared: 'Guarantee statement cleared',
      exit_conditions_change: 'Village exit conditions changed',
      poverty_line_change: 'Poverty line changed',
    },
    SubjectType: { exit_conditions: 'Village exit conditions', poverty_line: 'Poverty line' },
  },
  resources: {
    audit: { fields: { before: 'Before', after: 'After', change: 'Change' } },
  },
  auditChange: { none: '(none)', arrow: '→' },
};

export const auditDecisionMessages: ModuleMessages = { zhCN, en };
