import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { useApi } from '../../../common/useApi';
import { formatCount } from '../../../common/format';
import { DashboardCard } from '../../../dashboard/DashboardCard';
import { httpClient } from '../../../providers/http';

/** How many findings a filter matches: the total of a one-row page's Content-Range. */
async function countFindings(filter: Record<string, unknown>): Promise<number> {
  const q = new URLSearchParams({ filter: JSON.stringify(filter), range: '[0,0]' });
  const res = await httpClient(`/api/matching/findings?${q.toString()}`);
  const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
  return total ? Number(total) : 0;
}

const FIGURES = [
  ['open', { open: true }],
  ['overdue', { open: true, overdue: true }],
  ['awaiting_close', { status: 'reviewed' }],
] as const;

/** 待处理比对问题 — open findings in the user's area, overdue ones and those awaiting closing. */
export default function OpenFindingsCard() {
  const translate = useTranslate();
  const { data, loading, error } = useApi(
    () => Promise.all(FIGURES.map(([, f]) => countFindings(f))),
    [],
  );
  return (
    <DashboardCard title="matching.dashboard.open_findings" loading={loading} error={error}>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2 }}
        data-testid="open-findings"
      >
        {FIGURES.map(([k, filter], i) => (
          <Box key={k}>
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
