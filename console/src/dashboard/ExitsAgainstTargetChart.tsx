import { useTranslate } from 'react-admin';
import { LineChart } from '../charts/LineChart';
import { useApi } from '../common/useApi';
import { useCalls } from '../modules/calls';
import { DashboardCard } from './DashboardCard';

/** 历年脱贫户数与目标 — households exited per year against that year's target. */
export default function ExitsAgainstTargetChart() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(calls.registryExitStatistics, []);
  const years = data?.years ?? [];
  return (
    <DashboardCard
      title="dashboard.exits_against_target"
      loading={loading}
      error={error}
      empty={years.length === 0}
    >
      <LineChart
        title={translate('dashboard.exits_against_target')}
        xLabels={years.map((y) => String(y.year))}
        series={[
          { label: translate('dashboard.exits'), values: years.map((y) => y.households) },
          {
            label: translate('dashboard.target'),
            values: years.map((y) => y.targetHouseholds),
            dashed: true,
          },
        ]}
      />
    </DashboardCard>
  );
}
