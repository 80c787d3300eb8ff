import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Button, useTranslate } from 'react-admin';
import { useCommonCalls } from '../../../providers/dataProvider';
import { pick, useNotifyProblem } from '../../../providers/problem';
import {
  type HouseholdRows,
  refusedByOther,
  type RejectedRow,
  reportSections,
} from './report-sections';

const M = 'registryImports.report';
const cell = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));

/** One rejected row, a line per problem: invalid rows marked red, rows refused for another row grey. */
function RowLines({ r }: { r: RejectedRow }) {
  const translate = useTranslate();
  const other = refusedByOther(r);
  const mark = other ? (
    <Chip
      size="small"
      variant="outlined"
      label={translate(`${M}.refused_by_other`, { rows: r.refusedBecauseOf!.join('、') })}
    />
  ) : (
    <Chip size="small" color="error" label={translate(`${M}.bad_row`)} />
  );
  return (
    <>
      {r.errors.map((e, i) => (
        <TableRow
          key={i}
          data-testid="import-report-row"
          data-refused-by-other={other ? 'true' : 'false'}
          sx={other ? { '& td': { color: 'text.secondary' } } : undefined}
        >
          <TableCell>{i === 0 ? r.row : ''}</TableCell>
          <TableCell>{i === 0 ? mark : ''}</TableCell>
          <TableCell>{cell(e.column)}</TableCell>
          <TableCell>{cell(e.header)}</TableCell>
          <TableCell>{other ? '' : pick(e.message)}</TableCell>
        </TableRow>
      ))}
    </>
  );
}

/** A household refused whole: its caption when it has several rows, then each of its rows. */
function Household({ h }: { h: HouseholdRows }) {
  const translate = useTranslate();
  return (
    <TableBody data-testid="import-report-household">
      {h.rows.length > 1 ? (
        <TableRow>
          <TableCell colSpan={5} sx={{ bgcolor: 'action.hover', fontWeight: 'bold' }}>
            {translate(`${M}.household`, {
              no: h.householdNo ?? translate(`${M}.no_household`),
              rows: h.rows.length,
            })}
          </TableCell>
        </TableRow>
      ) : null}
      {h.rows.map((r) => (
        <RowLines key={r.row} r={r} />
      ))}
    </TableBody>
  );
}

/**
 * 导入报告 — the rejected rows of a household import as people work through them: under each
 * sheet's own name, in row order, the rows of a household together, the invalid rows with
 * their reasons and the rows not stored because of them marked as such.
 */
export function HouseholdImportReport({
  rows,
  truncated,
  reportUrl,
}: {
  rows: readonly RejectedRow[];
  truncated: boolean;
  reportUrl: string;
}) {
  const translate = useTranslate();
  const calls = useCommonCalls();
  const notifyProblem = useNotifyProblem();
  if (rows.length === 0)
    return <Alert severity="success">{translate('resources.imports.wizard.no_rejections')}</Alert>;
  return (
    <Box data-testid="import-rejections">
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="subtitle1">{translate(`${M}.title`)}</Typography>
        <Button
          label="resources.imports.wizard.download_report"
          onClick={() => void calls.download(reportUrl, 'report.xlsx').catch(notifyProblem)}
        >
          <DownloadIcon />
        </Button>
      </Box>
      {truncated ? (
        <Alert severity="warning">{translate('resources.imports.wizard.truncated')}</Alert>
      ) : null}
      <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
        {translate(`${M}.legend`)}
      </Typography>
      {reportSections(rows).map((s, si) => (
        <Box key={si} sx={{ mt: 2 }}>
          <Typography variant="subtitle2" data-testid="import-report-sheet">
            {translate(`${M}.sheet`, { name: s.sheet })}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                {['row', 'status', 'column', 'header', 'message'].map((k) => (
                  <TableCell key={k}>{translate(`${M}.${k}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            {s.households.map((h, hi) => (
              <Household key={hi} h={h} />
            ))}
          </Table>
        </Box>
      ))}
    </Box>
  );
}
