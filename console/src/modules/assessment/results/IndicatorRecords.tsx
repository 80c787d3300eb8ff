import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { formatCount } from '../../../common/format';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';

const SHOWN = 50;

/** The console's resource of each record address an indicator links to (`/api/<service>/<path>`). */
const RECORD_PAGES: Record<string, string> = {
  'registry/households': 'households',
  'registry/villages': 'villages',
  'matching/findings': 'matching-findings',
  'assessment/tasks': 'schedule-tasks',
  'assessment/rectifications': 'rectifications',
  'assessment/complaints': 'complaints',
};

/** The console's page of a record an indicator counted, from the owning service's address. */
function consolePath(link: string): string | null {
  const m = /^\/api\/([a-z]+)\/([a-z-]+)\/([^/?#]+)$/.exec(link);
  const resource = m ? RECORD_PAGES[`${m[1]}/${m[2]}`] : undefined;
  return m && resource ? `/${resource}/${m[3]}/show` : null;
}

/**
 * 指标明细 — the records behind one indicator value (households not visited, open findings
 * …), frozen with the ranking version; each opens its own page where the console has one.
 */
export function IndicatorRecords({ href }: { href: string }) {
  const translate = useTranslate();
  const calls = useCalls();
  const { data, error, loading } = useApi(
    () => calls.assessmentIndicatorRecords(href, SHOWN),
    [calls, href],
  );
  if (loading) return <Spinner />;
  if (error) {
    const p = problemOf(error);
    return (
      <Alert severity="error">
        {translate('app.error.load_failed', {
          message: p ? pick(p.message) : translate('ra.notification.http_error'),
        })}
      </Alert>
    );
  }
  if (!data || data.items.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('assessment.results.no_records')}
      </Typography>
    );
  }
  return (
    <Box data-testid="indicator-records" sx={{ pl: 2 }}>
      <Typography variant="caption" color="text.secondary">
        {translate('assessment.results.records_total', {
          shown: formatCount(data.items.length),
          total: formatCount(data.total),
        })}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('assessment.results.record')}</TableCell>
            <TableCell>{translate('assessment.results.record_note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.items.map((r) => {
            const to = consolePath(r.link);
            return (
              <TableRow key={r.id}>
                <TableCell>
                  {to ? <Link to={to}>{translate('assessment.results.open_record')}</Link> : r.id}
                </TableCell>
                <TableCell>{r.note ?? '—'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
