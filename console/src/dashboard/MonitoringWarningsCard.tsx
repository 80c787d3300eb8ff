import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatCount } from '../common/format';
import { useApi } from '../common/useApi';
import { useCalls } from '../modules/calls';
import { sumWarningFigures } from '../modules/registry/monitoring/warning-figures';
import { DashboardCard } from './DashboardCard';
import { WarningsByTownship } from './WarningsByTownship';

/** Each figure, and the warnings list it opens. */
const FIGURES = [
  ['open', { status: 'open' }],
  ['overdue', { overdue: true }],
  ['confirmed_this_month', { status: 'confirmed' }],
] as const;

/**
 * 防返贫监测预警 — warnings to verify, overdue ones and households confirmed for monitoring this
 * month, summed over the townships of the user's area (a township's own for township staff), then
 * per township for a user who sees several.
 */
export default function MonitoringWarningsCard() {
  const translate = useTranslate();
  const calls = useCalls();
  const { data, loading, error } = useApi(calls.registryWarningStatistics, []);
  const totals = sumWarningFigures(data?.townships ?? []);
  const values = {
    open: totals.open,
    overdue: totals.overdue,
    confirmed_this_month: totals.confirmedThisMonth,
  };
  return (
    <DashboardCard
      title="monitoring.dashboard.title"
      loading={loading}
      error={error}
      empty={totals.raised === 0}
    >
      <Box
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2 }}
        data-testid="monitoring-warnings-card"
      >
        {FIGURES.map(([k, filter]) => (
          <Box key={k} data-figure={`monitoring.dashboard.${k}`}>
            <Typography variant="caption" color="text.secondary">
              {translate(`monitoring.dashboard.${k}`)}
            </Typography>
            <Typography variant="h5" color={k === 'overdue' && values[k] ? 'error' : undefined}>
              <Link
                to={`/monitoring-warnings?filter=${encodeURIComponent(JSON.stringify(filter))}`}
                style={{ color: 'inherit' }}
              >
                {formatCount(values[k])}
              </Link>
            </Typography>
          </Box>
        ))}
      </Box>
      <WarningsByTownship rows={data?.townships ?? []} />
    </DashboardCard>
  );
}
