import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MuiTextField from '@mui/material/TextField';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { formatDay } from '../../../common/format';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { RectificationUnitCounts } from './inspections.api';

const t = (k: string) => `assessment.rectification_units.${k}`;
const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/**
 * 整改情况（按责任单位）— for a period, each unit's orders open, overdue, closed on time and
 * closed late: what the assessment reads of 督查.
 */
export default function RectificationUnitsPage() {
  const translate = useTranslate();
  const calls = useCalls();
  const notifyProblem = useNotifyProblem();
  const [period, setPeriod] = useState('');
  const [data, setData] = useState<RectificationUnitCounts | null>(null);
  useEffect(() => {
    if (period && !PERIOD.test(period)) return;
    calls
      .assessmentRectificationUnits(period || undefined)
      .then(setData)
      .catch(notifyProblem);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [period]);
  const cols = ['open', 'overdue', 'closedOnTime', 'closedLate'] as const;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title')} />
      <CardContent>
        <MuiTextField
          size="small"
          label={translate(t('period'))}
          helperText={translate(t('period_hint'))}
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
        />
        {data ? (
          <Typography variant="body2" sx={{ my: 2 }} data-testid="rectification-units-as-of">
            {translate(t('as_of'), {
              period: data.period,
              from: formatDay(data.from),
              to: formatDay(data.to),
              asOf: formatDay(data.asOf),
            })}
          </Typography>
        ) : null}
        {data && data.units.length === 0 ? (
          <Typography color="text.secondary">{translate(t('none'))}</Typography>
        ) : null}
        {data && data.units.length ? (
          <Table size="small" data-testid="rectification-units">
            <TableHead>
              <TableRow>
                <TableCell>{translate(t('unit'))}</TableCell>
                {cols.map((c) => (
                  <TableCell key={c} align="right">
                    {translate(t(c))}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.units.map((u) => (
                <TableRow key={u.unitId}>
                  <TableCell>
                    {u.name}（{translate(`enums.RectificationUnitKind.${u.kind}`)}）
                  </TableCell>
                  {cols.map((c) => (
                    <TableCell
                      key={c}
                      align="right"
                      sx={c === 'overdue' && u.overdue > 0 ? { color: 'error.main' } : undefined}
                    >
                      {u[c]}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
