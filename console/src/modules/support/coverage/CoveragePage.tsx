import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { EnumLabel } from '../../../common/fields';
import { formatCount } from '../../../common/format';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { AreaName } from '../../../common/AreaName';
import {
  basisPointsToPercent,
  INSURANCE_KINDS,
  thisYear,
  yearsSince,
  type CoverageRow,
} from '../support.api';
import { HalfGuard } from '../SupportFields';

function Met({ row }: { row: CoverageRow }) {
  const translate = useTranslate();
  if (row.targetMet === null) return <span>—</span>;
  return (
    <Chip
      size="small"
      color={row.targetMet ? 'success' : 'warning'}
      label={translate(`resources.support-coverage.${row.targetMet ? 'met' : 'not_met'}`)}
    />
  );
}

function CoverageTable({ rows, testId }: { rows: CoverageRow[]; testId: string }) {
  const translate = useTranslate();
  const h = (k: string) => translate(`resources.support-coverage.fields.${k}`);
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{h('areaCode')}</TableCell>
          <TableCell>{h('kind')}</TableCell>
          <TableCell align="right">{h('eligible')}</TableCell>
          <TableCell align="right">{h('enrolled')}</TableCell>
          <TableCell align="right">{h('rate')}</TableCell>
          <TableCell align="right">{h('target')}</TableCell>
          <TableCell>{h('targetMet')}</TableCell>
          <TableCell align="right">{h('shortfall')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={`${r.areaCode}-${r.kind}`}>
            <TableCell>
              <AreaName code={r.areaCode} />
            </TableCell>
            <TableCell>
              <EnumLabel name="InsuranceKind" code={r.kind} />
            </TableCell>
            <TableCell align="right">{formatCount(r.eligible)}</TableCell>
            <TableCell align="right">{formatCount(r.enrolled)}</TableCell>
            <TableCell align="right">{basisPointsToPercent(r.rateBasisPoints)}</TableCell>
            <TableCell align="right">{basisPointsToPercent(r.targetBasisPoints)}</TableCell>
            <TableCell>
              <Met row={r} />
            </TableCell>
            <TableCell align="right">{formatCount(r.shortfall)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * 参保覆盖率 — basic medical, serious-illness and pension insurance coverage of the registered
 * people by township or village, against the county's targets (medical 100%, pension 98%).
 */
function Coverage() {
  const calls = useCalls();
  const translate = useTranslate();
  const [year, setYear] = useState(thisYear());
  const [by, setBy] = useState<'township' | 'village'>('township');
  const { data, loading, error } = useApi(() => calls.supportCoverage(year, by), [year, by]);
  const t = (k: string) => translate(`resources.support-coverage.${k}`);
  const order = (a: CoverageRow, b: CoverageRow) =>
    a.areaCode.localeCompare(b.areaCode) ||
    INSURANCE_KINDS.indexOf(a.kind) - INSURANCE_KINDS.indexOf(b.kind);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.support-coverage.name" />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 2, mb: 2 }}>
          <TextField
            select
            size="small"
            label={t('year')}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            sx={{ width: 140, flex: "none" }}
          >
            {yearsSince(2014).map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={t('by')}
            value={by}
            onChange={(e) => setBy(e.target.value as 'township' | 'village')}
            sx={{ width: 160, flex: "none" }}
          >
            <MenuItem value="township">{t('by_township')}</MenuItem>
            <MenuItem value="village">{t('by_village')}</MenuItem>
          </TextField>
        </Box>
        {loading && !data ? (
          <Spinner />
        ) : error ? (
          <Typography color="error">
            {translate('app.error.load_failed', {
              message: pick(problemOf(error)?.message, translate('ra.notification.http_error')),
            })}
          </Typography>
        ) : data ? (
          <>
            <Typography variant="subtitle1" component="h2">
              {t('total')}
            </Typography>
            <CoverageTable rows={[...data.total].sort(order)} testId="coverage-total" />
            <Typography variant="subtitle1" component="h2" sx={{ mt: 3 }}>
              {t(`by_${by}`)}
            </Typography>
            <CoverageTable rows={[...data.rows].sort(order)} testId="coverage-rows" />
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

export default function CoveragePage() {
  return (
    <HalfGuard half="health">
      <Coverage />
    </HalfGuard>
  );
}
