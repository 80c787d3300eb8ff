import type { DemoCounty } from '../county';
import type { DemoPlugin, DemoUser } from '../plugin';
import { gatewayPlugin } from './gateway';
import { gatewayHandbookPlugin } from './gateway-handbook';
import { gatewayConsistencyPlugin } from './gateway-consistency';
import { gatewayPolicyCardPlugin } from './gateway-policy-card';
import { assessmentPlugin } from './assessment';
import { assessmentComplaintsPlugin } from './assessment-complaints';
import { assessmentAccountabilityPlugin } from './assessment-accountability';
import { assessmentIndicatorsPlugin } from './assessment-indicators';
import { assessmentInspectionsPlugin } from './assessment-inspections';
import { assessmentTasksPlugin } from './assessment-tasks';
import { assistancePlugin } from './assistance';
import { assistanceReceiptsPlugin } from './assistance-receipts';
import { fundsPlugin } from './funds';
import { matchingDepartmentsPlugin } from './matching-departments';
import { matchingDepartmentUsersPlugin } from './matching-department-users';
import { matchingPrecisionPlugin } from './matching-precision';
import { registryPlugin } from './registry';
import { registryClearancePlugin } from './registry-clearance';
import { registryGuaranteeFreshnessPlugin } from './registry-guarantee-freshness';
import { registryGuaranteesPlugin } from './registry-guarantees';
import { registryHouseholdNoticePlugin } from './registry-household-notice';
import { registryImportsPlugin } from './registry-imports';
import { registryMonitoringPlugin } from './registry-monitoring';
import { registryIntegrityPlugin } from './registry-integrity';
import { registryKeyRotationPlugin } from './registry-key-rotation';
import { registryVillageExitPlugin } from './registry-village-exit';
import { supportPlugin } from './support';

/**
 * The demo county's parts, in the order they are seeded: users first, the registry next
 * (every other service reads its households), then each service's own data. A service's
 * part goes here as it lands (its plugin file next to these): the registry's precision cases
 * (village exits, an import report, derived guarantees, 清退), matching (department lists with
 * planted anomalies flowing back), assistance (helpers, pairings, visits of the last six
 * months), funds (projects, batches, idle money), support (students, subsidies, insurance,
 * hospital stays), assessment (two quarters of rankings).
 */
const SERVICE_PLUGINS: DemoPlugin[] = [
  registryPlugin,
  registryVillageExitPlugin,
  registryImportsPlugin,
  registryGuaranteesPlugin,
  registryClearancePlugin,
  registryIntegrityPlugin,
  // After the registry's parts: its findings flow back into them (deaths, 清退, 错退).
  matchingPrecisionPlugin,
  // The departments' own logins and lists; before any part closes a finding (a run reopens it).
  matchingDepartmentUsersPlugin,
  // Every department's list with its planted anomalies, findings taken to each state.
  matchingDepartmentsPlugin,
  // The 清退 those findings opened wait for the household to be told and to answer.
  registryHouseholdNoticePlugin,
  assistancePlugin,
  fundsPlugin,
  supportPlugin,
  // The registry has applied support's enrollments and insurance to the guarantees it derives.
  registryGuaranteeFreshnessPlugin,
  // 防返贫监测: screened once support's facts (hospital stays) have reached the registry.
  registryMonitoringPlugin,
  // 扶贫手册: one village's handbooks printed by the gateway's job from what the others seeded.
  gatewayHandbookPlugin,
  // 一户一档核对: a few inconsistencies planted in one village, then the village checked.
  gatewayConsistencyPlugin,
  // 明白卡: one household's card printed from what assistance, funds and support seeded.
  gatewayPolicyCardPlugin,
  // 到户资金确认: a few households confirm their payments, one never received, one short.
  assistanceReceiptsPlugin,
  // 涉贫信访: complaints in each state, one linked to a registered household.
  assessmentComplaintsPlugin,
  // Last: it ranks what the others hold.
  assessmentPlugin,
  // 倒排工期: the county's schedule imported from its sheet, with a task of each standing.
  assessmentTasksPlugin,
  // 问责: the case a township last twice running opened, decided and followed up.
  assessmentAccountabilityPlugin,
  // 督查: a plan, inspections and rectification orders in each state.
  assessmentInspectionsPlugin,
  // 考核指标: the supervision indicators added to the year's scheme, departments ranked too.
  assessmentIndicatorsPlugin,
  // 密钥轮换: the registry resealed once the others have written (nothing on an old key: at once).
  registryKeyRotationPlugin,
];

export function demoPlugins(): DemoPlugin[] {
  const extraUsers = (county: DemoCounty): DemoUser[] =>
    SERVICE_PLUGINS.flatMap((p) => p.users?.(county) ?? []);
  return [gatewayPlugin(extraUsers), ...SERVICE_PLUGINS];
}
