import Box from '@mui/material/Box';
import { useTranslate } from 'react-admin';
import { BarChart } from '../../../charts/BarChart';
import { formatCount, formatYuan } from '../../../common/format';
import { useApi } from '../../../common/useApi';
import { DashboardCard } from '../../../dashboard/DashboardCard';
import { useCalls } from '../../calls';
import { basisPointsToPercent, INSURANCE_KINDS } from '../support.api';
import { Figure } from './Figure';

/**
 * 健康扶贫 — this year's insurance coverage of the registered people against the targets
 * (medical 100%, pension 98%), the top-ups still owed and the care counts.
 */
export default function HealthSupportCard() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(calls.supportHealthStatistics, []);
  const bars = [...(data?.coverage ?? [])]
    .sort((a, b) => INSURANCE_KINDS.indexOf(a.kind) - INSURANCE_KINDS.indexOf(b.kind))
    .filter((r) => r.rateBasisPoints !== null)
    .map((r) => ({
      label: translate(`enums.InsuranceKind.${r.kind}`),
      value: (r.rateBasisPoints ?? 0) / 100,
      display: translate('support.dashboard.rate_of_target', {
        rate: basisPointsToPercent(r.rateBasisPoints),
        target: basisPointsToPercent(r.targetBasisPoints),
      }),
    }));
  return (
    <DashboardCard title="support.dashboard.health" loading={loading} error={error}>
      {data ? (
        <Box data-testid="health-support-card">
          <Box sx={{ color: 'text.secondary', fontSize: 13, mb: 1 }}>
            {translate('support.dashboard.year', { year: data.year })}
            {data.latestWithData ? translate('support.dashboard.latest_with_data') : null}
          </Box>
          {bars.length ? (
            <BarChart
              bars={bars}
              labelWidth={110}
              title={translate('support.dashboard.coverage')}
            />
          ) : null}
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2, mt: 2 }}>
            <Figure
              label="support.dashboard.episodes"
              value={formatCount(data.inpatient.episodes)}
            />
            <Figure
              label="support.dashboard.top_up_outstanding"
              value={translate('app.common.yuan', {
                amount: formatYuan(data.inpatient.topUpOutstandingFen),
              })}
              testId="top-up-outstanding"
            />
            <Figure
              label="support.dashboard.top_up_owed_episodes"
              value={formatCount(
                (data.inpatient.byStatus.owed ?? 0) + (data.inpatient.byStatus.partly_paid ?? 0),
              )}
            />
            <Figure
              label="support.dashboard.chronic_care"
              value={formatCount(data.chronicCareContracts)}
            />
            <Figure
              label="support.dashboard.serious_illness"
              value={formatCount(data.seriousIllnessCases)}
            />
          </Box>
        </Box>
      ) : null}
    </DashboardCard>
  );
}
