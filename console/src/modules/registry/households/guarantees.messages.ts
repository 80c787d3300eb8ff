import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 两不愁三保障 on the household page: states, sources, 人工认定 (English has the same keys). */
const zhCN = {
  enums: {
    HistoryAction: {
      village_water_changed: '所在村自来水情况变更，保障重新推定',
      guarantees_rederived: '按现行规则重新推定保障',
    },
  },
  guarantees: {
    card: '两不愁三保障及饮水安全',
    state: { met: '达标', not_met: '未达标', unknown: '未知（无数据）' },
    columns: { guarantee: '保障', state: '状态', source: '依据', note: '备注' },
    source: {
      none: '无数据，按未达标处理',
      typed: '人工认定：%{name}（理由：%{reason}）',
      typed_no_reason: '人工填报：%{name}',
      legacy: '旧数据填报',
      derived_also: '；数据推定为%{state}',
    },
    fact: {
      housing_grade: '由住房等级%{grade}级推定',
      no_medical_insurance: '由成员%{name}未参加基本医保推定',
      coverage_not_enrolled: '由成员%{name}医保参保记录（未参保）推定',
      members_medical_insurance: '由成员均已参加基本医保推定',
      support_coverage: '由医保参保记录推定',
      dropout_case_open: '由%{name}辍学案件推定',
      not_in_school: '由%{name}未在校推定',
      enrollment: '由%{name}学籍状态（%{status}）推定',
      members_in_school: '由义务教育阶段子女均在校推定',
      support_enrollment: '由学籍记录（在读）推定',
      no_compulsory_age_children: '家中无义务教育阶段子女',
      village_safe_water: '由所在村自来水通达推定',
      village_no_safe_water: '由所在村未通自来水推定',
      other: '由数据推定（%{fact}）',
    },
    override: '人工认定',
    override_title: '人工认定：%{guarantee}',
    override_hint: '人工认定将覆盖数据推定的结果，须填写理由，推定值与认定值都记入户档案历史。',
    overridden: '已记录人工认定',
    clear: '清除认定',
    clear_title: '清除人工认定：%{guarantee}',
    clear_hint: '清除后恢复为数据推定的结果（无数据时为未知），须填写理由。',
    cleared: '已清除人工认定',
    fields: { state: '认定状态', reason: '理由' },
    evidence: {
      village_tap_water: '行政村 %{code} 的自来水通达情况',
      derivation: '保障推定规则第 %{version} 版',
    },
    facts: {
      up_to_date: '教育、医保数据已同步（截至 %{asOf}），推定结果为最新',
      behind: '教育、医保数据尚有 %{behind} 条未同步，由其推定的义务教育、基本医疗可能未更新',
      unmeasured: '暂无法确认教育、医保数据是否已同步',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    HistoryAction: {
      village_water_changed: "The village's tap water changed: guarantees derived again",
      guarantees_rederived: 'Guarantees derived again under the current rules',
    },
  },
  guarantees: {
    card: 'Guarantees (两不愁三保障) and safe water',
    state: { met: 'Met', not_met: 'Not met', unknown: 'Unknown (no data)' },
    columns: { guarantee: 'Guarantee', state: 'State', source: 'Source', note: 'Note' },
    source: {
      none: 'No data: counted as not met',
      typed: 'Stated by %{name} (reason: %{reason})',
      typed_no_reason: 'Entered by %{name}',
      legacy: 'Entered before three states',
      derived_also: '; the facts say %{state}',
    },
    fact: {
      housing_grade: 'From housing grade %{grade}',
      no_medical_insurance: 'From member %{name} without basic medical insurance',
      coverage_not_enrolled: "From member %{name}'s insurance record (not enrolled)",
      members_medical_insurance: 'Every member has basic medical insurance',
      support_coverage: 'From the insurance records',
      dropout_case_open: "From %{name}'s open dropout case",
      not_in_school: 'From %{name} not in school',
      enrollment: "From %{name}'s enrollment (%{status})",
      members_in_school: 'Every child of compulsory age is in school',
      support_enrollment: 'From the enrollment records (enrolled)',
      no_compulsory_age_children: 'No child of compulsory-education age',
      village_safe_water: "From the village's tap water",
      village_no_safe_water: 'The village has no tap water',
      other: 'Derived (%{fact})',
    },
    override: 'State',
    override_title: 'State %{guarantee}',
    override_hint:
      'A stated value overrides what the facts derive; a reason is required and the history keeps both.',
    overridden: 'Recorded',
    clear: 'Clear',
    clear_title: 'Clear the stated %{guarantee}',
    clear_hint:
      'The derived value (or unknown without data) is in force again; a reason is required.',
    cleared: 'Cleared',
    fields: { state: 'State', reason: 'Reason' },
    evidence: {
      village_tap_water: 'The tap water item of village %{code}',
      derivation: 'Guarantee derivation rules, version %{version}',
    },
    facts: {
      up_to_date:
        'Education and insurance data applied (as of %{asOf}): the derived values are current',
      behind:
        '%{behind} education and insurance events not yet applied: 义务教育 and 基本医疗 may be out of date',
      unmeasured: 'Cannot tell whether the education and insurance data are applied',
    },
  },
};

export const guaranteeMessages: ModuleMessages = { zhCN, en };
