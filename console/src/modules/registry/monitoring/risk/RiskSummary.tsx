import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatYuan } from '../../../../common/format';
import type { HouseholdRisk } from '../monitoring.api';
import { stabilityPercent } from './follow-up-figures';

const l = (k: string) => `monitoring.risk.${k}`;

function Figure({ name, children }: { name: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box data-figure={name}>
      <Typography variant="caption" color="text.secondary">
        {translate(l(name))}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * The household's risk at a glance: 连续稳定月数 against the months a removal needs (with a
 * progress bar), this year's 监测线, the warnings still to verify and the last home check.
 */
export function RiskSummary({ risk }: { risk: HouseholdRisk }) {
  const translate = useTranslate();
  const enough = risk.stableMonths >= risk.requiredMonths;
  return (
    <Box
      data-testid="household-risk-summary"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
        gap: 3,
      }}
    >
      <Figure name="stable_months">
        <Typography variant="h6">
          {translate(l('months_of'), {
            stable: risk.stableMonths,
            required: risk.requiredMonths,
          })}
        </Typography>
        <LinearProgress
          variant="determinate"
          color={enough ? 'success' : 'warning'}
          value={stabilityPercent(risk.stableMonths, risk.requiredMonths)}
          sx={{ height: 8, borderRadius: 4, mt: 0.5 }}
          aria-label={translate(l('stable_months'))}
        />
      </Figure>
      <Figure name="monitoring_line">
        <Typography variant="h6">
          {risk.monitoringLineFen === undefined
            ? '—'
            : translate('monitoring.rules.per_person', {
                amount: formatYuan(risk.monitoringLineFen),
              })}
        </Typography>
      </Figure>
      <Figure name="open_warnings">
        <Typography variant="h6" color={risk.openWarnings ? 'error' : undefined}>
          {translate(l('count'), { count: risk.openWarnings })}
        </Typography>
      </Figure>
      <Figure name="last_home_check">
        <Typography variant="h6">{risk.lastHomeCheck ?? translate(l('never'))}</Typography>
      </Figure>
    </Box>
  );
}
