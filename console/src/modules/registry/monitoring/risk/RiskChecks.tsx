import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { pick } from '../../../../providers/problem';
import type { RiskCheck } from '../monitoring.api';

/**
 * 风险消除条件 — what a monitoring removal will check of the follow-up log and the warnings,
 * each passed or not, with the registry's own words in the user's language.
 */
export function RiskChecks({ checks }: { checks: RiskCheck[] }) {
  const translate = useTranslate();
  return (
    <Box data-testid="household-risk-checks">
      <Typography variant="subtitle1">{translate('monitoring.risk.checks')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('monitoring.risk.checks_hint')}
      </Typography>
      {checks.map((c) => (
        <Box
          key={c.check}
          data-check={c.check}
          data-passed={c.passed}
          sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, py: 0.5 }}
        >
          {c.passed ? (
            <CheckCircleIcon
              color="success"
              fontSize="small"
              titleAccess={translate('monitoring.risk.passed')}
            />
          ) : (
            <CancelIcon
              color="error"
              fontSize="small"
              titleAccess={translate('monitoring.risk.failed')}
            />
          )}
          <Typography variant="body2">{pick(c.message, c.check)}</Typography>
        </Box>
      ))}
    </Box>
  );
}
