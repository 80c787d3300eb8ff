import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatDateTime, formatYuan } from '../../../../common/format';
import type { FollowUp } from '../monitoring.api';
import { annualPerCapitaFen, atOrAboveLine, monthParts } from './follow-up-figures';

const l = (k: string) => `monitoring.risk.log.${k}`;
const COLUMNS = [
  'month',
  'income',
  'per_capita',
  'home_check',
  'note',
  'recorded',
  'corrections',
] as const;

/** Whether the month's income reaches the line, as a chip (nothing when it is not known). */
function LineChip({ above }: { above: boolean | null }) {
  const translate = useTranslate();
  if (above === null) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={above ? 'success' : 'error'}
      label={translate(l(above ? 'above' : 'below'))}
      sx={{ ml: 1 }}
    />
  );
}

function FollowUpRow({ f, lineFen }: { f: FollowUp; lineFen: number | undefined }) {
  const translate = useTranslate();
  const corrections = f.corrections?.length ?? 0;
  return (
    <TableRow data-month={f.month}>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {translate('monitoring.risk.month', monthParts(f.month))}
      </TableCell>
      <TableCell align="right">{formatYuan(f.incomeFen)}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {formatYuan(annualPerCapitaFen(f.incomeFen, f.size))}
        <LineChip above={atOrAboveLine(f.incomeFen, f.size, lineFen)} />
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.homeCheckOn ?? '—'}</TableCell>
      <TableCell>{f.note || '—'}</TableCell>
      <TableCell>
        {f.recordedBy?.name ?? '—'}
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(f.recordedAt)}
        </Typography>
      </TableCell>
      <TableCell align="right">
        {corrections ? translate(l('corrected'), { count: corrections }) : '—'}
      </TableCell>
    </TableRow>
  );
}

/**
 * 帮扶跟踪记录 — the household's months, latest first: the household's income that month, per
 * person on a yearly basis against the monitoring line, the home check, who recorded it and how
 * often it was corrected (the records replaced are kept by the registry).
 */
export function FollowUpLog({
  followUps,
  lineFen,
}: {
  followUps: FollowUp[];
  lineFen: number | undefined;
}) {
  const translate = useTranslate();
  if (!followUps.length) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        {translate(l('none'))}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="follow-up-log">
      <TableHead>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableCell
              key={c}
              align={c === 'income' || c === 'corrections' ? 'right' : 'left'}
              sx={{ whiteSpace: 'nowrap' }}
            >
              {translate(l(c))}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {[...followUps]
          .sort((a, b) => b.month.localeCompare(a.month))
          .map((f) => (
            <FollowUpRow key={f.month} f={f} lineFen={lineFen} />
          ))}
      </TableBody>
    </Table>
  );
}
