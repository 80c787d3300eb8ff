import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatCount, formatPercent } from '../../common/format';
import { useApi } from '../../common/useApi';
import { DashboardCard } from '../../dashboard/DashboardCard';
import { useCalls } from '../calls';

/** 本月走访覆盖率 — the share of households owed a visit this month that were visited. */
export default function VisitCoverageCard() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(() => calls.assistanceVisitStatistics(), []);
  const t = data?.total;
  const percent = typeof t?.visitedPercent === 'number' ? t.visitedPercent : null;
  const figures: [string, number | undefined][] = [
    ['households_due', t?.householdsDue],
    ['households_visited', t?.householdsVisited],
    ['households_unvisited', t?.householdsUnvisited],
    ['late_entries', t?.lateEntries],
  ];
  return (
    <DashboardCard
      title="assistance.dashboard.visit_coverage"
      loading={loading}
      error={error}
      empty={!t || !t.householdsDue}
    >
      <Box data-testid="visit-coverage">
        <Typography variant="h4" component="p">
          {formatPercent(percent)}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={Math.min(100, Math.max(0, percent ?? 0))}
          sx={{ height: 8, borderRadius: 1, my: 1 }}
        />
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 1 }}>
          {figures.map(([k, v]) => (
            <Box key={k} data-figure={`assistance.dashboard.${k}`}>
              <Typography variant="caption" color="text.secondary">
                {translate(`assistance.dashboard.${k}`)}
              </Typography>
              <Typography variant="h6">{formatCount(v)}</Typography>
            </Box>
          ))}
        </Box>
      </Box>
    </DashboardCard>
  );
}
