import { useTranslate } from 'react-admin';
import { BarChart } from '../charts/BarChart';
import { useApi } from '../common/useApi';
import { useCalls } from '../modules/calls';
import { DashboardCard } from './DashboardCard';

/** 贫困户状态分布 — households per status (动态管理). */
export default function HouseholdsByStatusChart() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(calls.registryHouseholdStatistics, []);
  const bars = (data?.byStatus ?? [])
    .filter((r) => r.households > 0)
    .map((r) => ({
      label: translate(`enums.HouseholdStatus.${r.status}`, { _: r.status }),
      value: r.households,
    }));
  return (
    <DashboardCard
      title="dashboard.households_by_status"
      loading={loading}
      error={error}
      empty={bars.length === 0}
    >
      <BarChart bars={bars} title={translate('dashboard.households_by_status')} />
    </DashboardCard>
  );
}
