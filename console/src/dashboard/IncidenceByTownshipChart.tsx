import { useTranslate } from 'react-admin';
import { BarChart } from '../charts/BarChart';
import { formatPercent } from '../common/format';
import { useApi } from '../common/useApi';
import { useCalls } from '../modules/calls';
import { DashboardCard } from './DashboardCard';

/** 各乡镇贫困发生率 — still-poor people over the rural population, per township. */
export default function IncidenceByTownshipChart() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(calls.registryIncidenceByTownship, []);
  const bars = (data?.rows ?? [])
    .filter((r) => r.povertyIncidencePercent !== null)
    .map((r) => ({
      label: r.name,
      value: r.povertyIncidencePercent ?? 0,
      display: formatPercent(r.povertyIncidencePercent),
    }));
  return (
    <DashboardCard
      title="dashboard.incidence_by_township"
      loading={loading}
      error={error}
      empty={bars.length === 0}
    >
      <BarChart bars={bars} title={translate('dashboard.incidence_by_township')} />
    </DashboardCard>
  );
}
