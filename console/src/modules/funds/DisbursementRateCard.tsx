import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatPercent, formatYuan } from '../../common/format';
import { useApi } from '../../common/useApi';
import { DashboardCard } from '../../dashboard/DashboardCard';
import { useCalls } from '../calls';

/** 资金拨付率 — money disbursed against money allocated (GET /balances), in the user's area. */
export default function DisbursementRateCard() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(() => calls.fundsBalances('township'), []);
  const t = data?.totals;
  // From the fen totals: the service's own percentage is rounded to one decimal.
  const rate = t && t.allocatedFen > 0 ? (t.disbursedFen / t.allocatedFen) * 100 : null;
  const figures: [string, number | undefined][] = [
    ['allocated', t?.allocatedFen],
    ['disbursed', t?.disbursedFen],
    ['available', t?.availableFen],
  ];
  return (
    <DashboardCard
      title="funds.dashboard.disbursement_rate"
      loading={loading}
      error={error}
      empty={!t || !t.allocatedFen}
    >
      <Box data-testid="disbursement-rate">
        <Typography variant="h4" component="p">
          {formatPercent(rate)}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={Math.min(100, Math.max(0, rate ?? 0))}
          sx={{ height: 8, borderRadius: 1, my: 1 }}
        />
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1 }}>
          {figures.map(([k, v]) => (
            <Box key={k} data-figure={`funds.dashboard.${k}`}>
              <Typography variant="caption" color="text.secondary">
                {translate(`funds.dashboard.${k}`)}
              </Typography>
              <Typography variant="body1">
                {translate('funds.yuan', { amount: formatYuan(v) })}
              </Typography>
            </Box>
          ))}
        </Box>
      </Box>
    </DashboardCard>
  );
}
