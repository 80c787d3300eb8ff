import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { AreaField } from '../common/fields';
import { formatCount } from '../common/format';
import {
  type TownshipFigures,
  townshipsToChase,
} from '../modules/registry/monitoring/warning-figures';

/** 各乡镇 — the card's figures per township, for a user who sees more than one. */
export function WarningsByTownship({ rows }: { rows: readonly TownshipFigures[] }) {
  const translate = useTranslate();
  const shown = townshipsToChase(rows);
  if (rows.length < 2 || shown.length === 0) return null;
  return (
    <>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
        {translate('monitoring.dashboard.by_township')}
      </Typography>
      <Table size="small" data-testid="monitoring-warnings-by-township">
        <TableHead>
          <TableRow>
            <TableCell>{translate('monitoring.dashboard.township')}</TableCell>
            <TableCell align="right">{translate('monitoring.dashboard.open')}</TableCell>
            <TableCell align="right">{translate('monitoring.dashboard.overdue')}</TableCell>
            <TableCell align="right">
              {translate('monitoring.dashboard.confirmed_this_month')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((r) => (
            <TableRow key={r.townshipCode}>
              <TableCell>
                <RecordContextProvider value={{ id: r.townshipCode, townshipCode: r.townshipCode }}>
                  <AreaField source="townshipCode" />
                </RecordContextProvider>
              </TableCell>
              <TableCell align="right">{formatCount(r.open)}</TableCell>
              <TableCell align="right" sx={r.overdue ? { color: 'error.main' } : undefined}>
                {formatCount(r.overdue)}
              </TableCell>
              <TableCell align="right">{formatCount(r.confirmedThisMonth)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
