import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { EnumLabel } from '../../../common/fields';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { IMPORT_OUTCOMES } from '../support.api';

const PAGE = 200;

/**
 * 比对明细 — each line of the list with what became of it, and the registered people the list
 * missed; ID numbers only masked (the clear numbers were never stored). Downloadable as XLSX.
 */
export function ImportRows({ importId }: { importId: string }) {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const calls = useCalls();
  const [outcome, setOutcome] = useState('');
  const { data, loading } = useApi(
    () => calls.supportImportRows(importId, outcome, PAGE),
    [calls, importId, outcome],
  );
  const h = (k: string) => translate(`resources.support-imports.rows.${k}`);
  const download = () => calls.supportImportReport(importId).catch(notifyProblem);
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 1 }}>
        <Typography variant="subtitle1" sx={{ whiteSpace: 'nowrap' }}>
          {h('title')}
        </Typography>
        <TextField
          select
          size="small"
          label={h('outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          sx={{ width: 200, flex: 'none' }}
        >
          <MenuItem value="">{h('all')}</MenuItem>
          {IMPORT_OUTCOMES.filter((o) => o !== 'pending').map((o) => (
            <MenuItem key={o} value={o}>
              {translate(`enums.SupportImportOutcome.${o}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button label="resources.support-imports.download_report" onClick={() => void download()}>
          <DownloadIcon />
        </Button>
      </Box>
      {loading && !data ? (
        <Spinner />
      ) : (
        <>
          <Table size="small" data-testid="import-rows">
            <TableHead>
              <TableRow>
                {['row', 'name', 'idMasked', 'outcome', 'problems'].map((k) => (
                  <TableCell key={k}>{h(k)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(data?.rows ?? []).map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.row ?? '—'}</TableCell>
                  <TableCell>{r.name ?? '—'}</TableCell>
                  <TableCell>{r.idMasked ?? '—'}</TableCell>
                  <TableCell>
                    <EnumLabel name="SupportImportOutcome" code={r.outcome} />
                  </TableCell>
                  <TableCell>
                    {r.problems.length ? r.problems.map((p) => pick(p.message)).join('；') : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {data && data.total > data.rows.length ? (
            <Typography variant="caption" color="text.secondary">
              {translate('resources.support-imports.rows.more', {
                shown: data.rows.length,
                total: data.total,
              })}
            </Typography>
          ) : null}
        </>
      )}
    </Box>
  );
}
