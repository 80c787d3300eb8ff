import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { useApi } from '../common/useApi';
import { useCalls } from '../modules/calls';
import { DashboardCard } from './DashboardCard';

/**
 * 建档立卡概况 — registered and still-poor households and people in the user's area, saying what
 * the registered figure counts (the household list, which shows every status, is larger).
 */
export default function RegistryTotalsCard() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(calls.registryHouseholdStatistics, []);
  const figures = data
    ? [
        ['registered_households', data.registered.households],
        ['registered_people', data.registered.people],
        ['still_poor_households', data.stillPoor.households],
        ['still_poor_people', data.stillPoor.people],
      ]
    : [];
  return (
    <DashboardCard title="dashboard.totals" loading={loading} error={error}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 2 }}>
        {figures.map(([k, v]) => (
          <Box key={k as string}>
            <Typography variant="caption" color="text.secondary">
              {translate(`dashboard.${k as string}`)}
            </Typography>
            <Typography variant="h5">{(v as number).toLocaleString('en-US')}</Typography>
          </Box>
        ))}
      </Box>
      {data ? (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('dashboard.registered_households_hint')}
        </Typography>
      ) : null}
    </DashboardCard>
  );
}
