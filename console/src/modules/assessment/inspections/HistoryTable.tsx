import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../../common/format';

interface Entry {
  at: string;
  actorName: string;
  action: string;
  from?: string | null;
  to?: string | null;
  note?: string | null;
}

const t = (k: string) => `assessment.inspections.history.${k}`;

/** 操作记录 — every change of the record: who, when, what, from which state to which. */
export function HistoryTable() {
  const translate = useTranslate();
  const r = useRecordContext<{ id: string; history?: Entry[] }>();
  const entries = [...(r?.history ?? [])].reverse();
  const status = (s: string | null | undefined) =>
    s ? translate(`enums.RectificationStatus.${s}`, { _: s }) : '';
  return (
    <Labeled label={t('title')}>
      <Table size="small" sx={{ maxWidth: 900 }} data-testid="inspection-history">
        <TableHead>
          <TableRow>
            <TableCell>{translate(t('at'))}</TableCell>
            <TableCell>{translate(t('actor'))}</TableCell>
            <TableCell>{translate(t('action'))}</TableCell>
            <TableCell>{translate(t('change'))}</TableCell>
            <TableCell>{translate(t('note'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((e, i) => (
            <TableRow key={i}>
              <TableCell>{formatDateTime(e.at)}</TableCell>
              <TableCell>{e.actorName}</TableCell>
              <TableCell>
                {translate(`enums.InspectionHistoryAction.${e.action}`, { _: e.action })}
              </TableCell>
              <TableCell>{e.from || e.to ? `${status(e.from)} → ${status(e.to)}` : '—'}</TableCell>
              <TableCell>{e.note ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}
