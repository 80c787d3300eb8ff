import Box from '@mui/material/Box';
import { useTranslate } from 'react-admin';
import { BarChart } from '../../../charts/BarChart';
import { formatCount, formatYuan } from '../../../common/format';
import { useApi } from '../../../common/useApi';
import { DashboardCard } from '../../../dashboard/DashboardCard';
import { useCalls } from '../../calls';
import { SCHOOL_STAGES } from '../support.api';
import { useTermLabel } from '../SupportInputs';
import { Figure } from './Figure';

/**
 * 教育扶贫 — this term's enrolled students by stage, the open dropout cases (and those still
 * without an owner) and the subsidies paid.
 */
export default function EducationSupportCard() {
  const calls = useCalls();
  const translate = useTranslate();
  const termLabel = useTermLabel();
  const { data, loading, error } = useApi(calls.supportEducationStatistics, []);
  const bars = [...(data?.enrolledByStage ?? [])]
    .sort(
      (a, b) =>
        SCHOOL_STAGES.indexOf(a.stage as (typeof SCHOOL_STAGES)[number]) -
        SCHOOL_STAGES.indexOf(b.stage as (typeof SCHOOL_STAGES)[number]),
    )
    .map((r) => ({
      label: translate(`enums.SchoolStage.${r.stage}`, { _: r.stage }),
      value: r.students,
    }));
  return (
    <DashboardCard title="support.dashboard.education" loading={loading} error={error}>
      {data ? (
        <Box data-testid="education-support-card">
          <Box sx={{ color: 'text.secondary', fontSize: 13, mb: 1 }}>
            {termLabel(data.term)}
            {data.latestWithData ? translate('support.dashboard.latest_with_data') : null}
          </Box>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2, mb: 2 }}>
            <Figure
              label="support.dashboard.dropout_open"
              value={formatCount(data.dropoutCases.open)}
              testId="dropout-open"
            />
            <Figure
              label="support.dashboard.dropout_without_owner"
              value={formatCount(data.dropoutCases.openWithoutOwner)}
            />
            <Figure
              label="support.dashboard.dropout_closed"
              value={formatCount(data.dropoutCases.closedThisSchoolYear)}
            />
            <Figure
              label="support.dashboard.subsidy_students"
              value={formatCount(data.subsidies.total.students)}
            />
            <Figure
              label="support.dashboard.subsidy_amount"
              value={translate('app.common.yuan', {
                amount: formatYuan(data.subsidies.total.amountFen),
              })}
            />
          </Box>
          {bars.length ? (
            <BarChart bars={bars} title={translate('support.dashboard.enrolled_by_stage')} />
          ) : null}
        </Box>
      ) : null}
    </DashboardCard>
  );
}
