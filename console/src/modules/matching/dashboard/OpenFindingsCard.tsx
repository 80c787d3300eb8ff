import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { useApi } from '../../../common/useApi';
import { formatCount } from '../../../common/format';
import { DashboardCard } from '../../../dashboard/DashboardCard';
import { useCalls } from '../../calls';

const FIGURES = [
  ['open', { open: true }],
  ['overdue', { open: true, overdue: true }],
  ['awaiting_close', { status: 'reviewed' }],
] as const;

/** 待处理比对问题 — open findings in the user's area, overdue ones and those awaiting closing. */
export default function OpenFindingsCard() {
  const translate = useTranslate();
  const calls = useCalls();
  const { data, loading, error } = useApi(
    () => Promise.all(FIGURES.map(([, f]) => calls.matchingFindingCount(f))),
    [calls],
  );
  return (
    <DashboardCard title="matching.dashboard.open_findings" loading={loading} error={error}>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2 }}
        data-testid="open-findings"
      >
        {FIGURES.map(([k, filter], i) => (
          <Box key={k} data-figure={`matching.dashboard.${k}`}>
            <Typography variant="caption" color="text.secondary">
              {translate(`matching.dashboard.${k}`)}
            </Typography>
            <Typography variant="h5">
              <Link
                to={`/matching-findings?filter=${encodeURIComponent(JSON.stringify(filter))}`}
                style={{ color: 'inherit' }}
              >
                {formatCount(data?.[i] ?? 0)}
              </Link>
            </Typography>
          </Box>
        ))}
      </Box>
    </DashboardCard>
  );
}
