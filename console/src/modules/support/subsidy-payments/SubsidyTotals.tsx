import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { EnumLabel } from '../../../common/fields';
import { formatCount, formatYuan } from '../../../common/format';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { useCalls } from '../../calls';
import { AreaName } from '../../../common/AreaName';
import { currentTerm } from '../support.api';
import { useTermLabel } from '../SupportInputs';

const BY = ['type', 'stage', 'township'] as const;
type By = (typeof BY)[number];

function KeyLabel({ by, code }: { by: By; code: string }) {
  if (by === 'township') return <AreaName code={code} />;
  return <EnumLabel name={by === 'type' ? 'SubsidyType' : 'SchoolStage'} code={code} />;
}

/** 资助汇总 — payments, distinct students and amounts of the listed term, by type, stage or township. */
export function SubsidyTotals() {
  const calls = useCalls();
  const translate = useTranslate();
  const termLabel = useTermLabel();
  const { filterValues } = useListContext();
  const term = typeof filterValues?.term === 'string' ? filterValues.term : currentTerm();
  const [by, setBy] = useState<By>('type');
  const { data, loading } = useApi(() => calls.supportSubsidyTotals(term, by), [term, by]);
  const t = (k: string) => translate(`resources.support-subsidy-payments.totals.${k}`);
  return (
    <Card sx={{ mb: 2 }} data-testid="subsidy-totals">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ whiteSpace: 'nowrap' }}>
            {translate('resources.support-subsidy-payments.totals.title', {
              term: termLabel(term),
            })}
          </Typography>
          <TextField
            select
            size="small"
            label={t('by')}
            value={by}
            onChange={(e) => setBy(e.target.value as By)}
            sx={{ width: 160, flex: 'none' }}
          >
            {BY.map((b) => (
              <MenuItem key={b} value={b}>
                {t(`by_${b}`)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {loading && !data ? (
          <Spinner />
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t(`by_${by}`)}</TableCell>
                <TableCell align="right">{t('payments')}</TableCell>
                <TableCell align="right">{t('students')}</TableCell>
                <TableCell align="right">{t('amount')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(data?.rows ?? []).map((r) => (
                <TableRow key={r.key}>
                  <TableCell>
                    <KeyLabel by={by} code={r.key} />
                  </TableCell>
                  <TableCell align="right">{formatCount(r.payments)}</TableCell>
                  <TableCell align="right">{formatCount(r.students)}</TableCell>
                  <TableCell align="right">{formatYuan(r.amountFen)}</TableCell>
                </TableRow>
              ))}
              {data ? (
                <TableRow sx={{ '& td': { fontWeight: 600 } }}>
                  <TableCell>{t('total')}</TableCell>
                  <TableCell align="right">{formatCount(data.total.payments)}</TableCell>
                  <TableCell align="right">{formatCount(data.total.students)}</TableCell>
                  <TableCell align="right" data-testid="subsidy-total-amount">
                    {formatYuan(data.total.amountFen)}
                  </TableCell>
                </TableRow>
              ) : null}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
