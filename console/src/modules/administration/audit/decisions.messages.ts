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
      monitoring_settings_change: '修改防返贫监测线或阈值',
      list_rows_deleted: '删除过保留期限的名单明细',
      receipt_confirmation: '到户资金确认',
      key_reseal: '启动密钥轮换重新加密',
    },
    SubjectType: {
      exit_conditions: '贫困村退出条件',
      poverty_line: '扶贫标准',
      monitoring_settings: '防返贫监测设置',
      department_list: '部门名单',
      key_reseal: '密钥轮换任务',
    },
  },
  resources: {
    audit: { fields: { before: '修改前', after: '修改后', change: '修改内容' } },
  },
  auditChange: {
    none: '（无）',
    arrow: '→',
    yuan: '%{yuan} 元',
    fields: {
      state: '状态',
      source: '依据',
      derived: '数据推定',
      derivedFact: '推定所据事实',
      version: '版本',
      incidence_enabled: '贫困发生率条件启用',
      incidence_thresholdPercent: '设定的贫困发生率上限（%）',
      incidence_effectiveThresholdPercent: '执行的贫困发生率上限（%）',
      infrastructure_roadHardening: '道路硬化',
      infrastructure_tapWater: '自来水',
      infrastructure_electricity: '通电',
      infrastructure_broadband: '宽带',
      infrastructure_clinic: '卫生室',
      infrastructure_activityRoom: '活动室',
      year: '年度',
      fen: '扶贫标准（元/人·年）',
      revision: '修订号',
      rows: '名单明细行数',
      rowsDeleted: '已删除行数',
      listType: '名单类型',
      listVersion: '名单版本',
    },
    values: {
      met: '达标',
      not_met: '未达标',
      unknown: '未知',
      derived: '数据推定',
      typed: '人工认定',
      none: '无数据',
      national: '国家标准',
      provincial_config: '省定标准（配置）',
      provincial: '省定标准',
      true: '是',
      false: '否',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    AuditAction: {
      guarantee_override: 'Guarantee stated by hand',
      guarantee_override_cleared: 'Guarantee statement cleared',
      exit_conditions_change: 'Village exit conditions changed',
      poverty_line_change: 'Poverty line changed',
      monitoring_settings_change: 'Monitoring line or threshold changed',
      list_rows_deleted: 'List rows deleted after the retention period',
      receipt_confirmation: 'Payments confirmed by the household',
      key_reseal: 'Key rotation reseal started',
    },
    SubjectType: {
      exit_conditions: 'Village exit conditions',
      poverty_line: 'Poverty line',
      monitoring_settings: 'Monitoring settings',
      department_list: 'Department list',
      key_reseal: 'Key rotation job',
    },
  },
  resources: {
    audit: { fields: { before: 'Before', after: 'After', change: 'Change' } },
  },
  auditChange: {
    none: '(none)',
    arrow: '→',
    yuan: '%{yuan} yuan',
    fields: {
      state: 'State',
      source: 'Source',
      derived: 'Derived',
      derivedFact: 'Derived from',
      version: 'Version',
      incidence_enabled: 'Incidence condition on',
      incidence_thresholdPercent: 'Incidence threshold set (%)',
      incidence_effectiveThresholdPercent: 'Incidence threshold applied (%)',
      infrastructure_roadHardening: 'Road hardening',
      infrastructure_tapWater: 'Tap water',
      infrastructure_electricity: 'Electricity',
      infrastructure_broadband: 'Broadband',
      infrastructure_clinic: 'Clinic',
      infrastructure_activityRoom: 'Activity room',
      year: 'Year',
      fen: 'Poverty line (yuan per person a year)',
      revision: 'Revision',
      rows: 'List rows',
      rowsDeleted: 'Rows deleted',
      listType: 'List type',
      listVersion: 'List version',
    },
    values: {
      met: 'Met',
      not_met: 'Not met',
      unknown: 'Unknown',
      derived: 'Derived',
      typed: 'Stated by hand',
      none: 'No data',
      national: 'National line',
      provincial_config: 'Provincial line (configured)',
      provincial: 'Provincial line',
      true: 'Yes',
      false: 'No',
    },
  },
};

export const auditDecisionMessages: ModuleMessages = { zhCN, en };
