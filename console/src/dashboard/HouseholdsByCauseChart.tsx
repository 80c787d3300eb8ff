import { useTranslate } from 'react-admin';
import { BarChart } from '../charts/BarChart';
import { useApi } from '../common/useApi';
import { useCalls } from '../modules/calls';
import { DashboardCard } from './DashboardCard';

/** 主要致贫原因 — registered households by their main cause of poverty. */
export default function HouseholdsByCauseChart() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(calls.registryHouseholdStatistics, []);
  const bars = (data?.byMainCause ?? [])
    .filter((r) => r.households > 0 && r.cause)
    .sort((a, b) => b.households - a.households)
    .map((r) => ({
      label: translate(`enums.PovertyCause.${r.cause}`, { _: String(r.cause) }),
      value: r.households,
    }));
  return (
    <DashboardCard
      title="dashboard.households_by_cause"
      loading={loading}
      error={error}
      empty={bars.length === 0}
    >
      <BarChart bars={bars} title={translate('dashboard.households_by_cause')} labelWidth={130} />
    </DashboardCard>
  );
}
