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
import { downloadFile, httpClient } from '../../../providers/http';
import { pick, useNotifyProblem } from '../../../providers/problem';
import { IMPORT_OUTCOMES, SUPPORT, type SupportSchemas } from '../support.api';

type Row = SupportSchemas['DepartmentImportRow'];
const PAGE = 200;

/**
 * 比对明细 — each line of the list with what became of it, and the registered people the list
 * missed; ID numbers only masked (the clear numbers were never stored). Downloadable as XLSX.
 */
export function ImportRows({ importId }: { importId: string }) {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const [outcome, setOutcome] = useState('');
  const { data, loading } = useApi(async () => {
    const q = new URLSearchParams({
      range: JSON.stringify([0, PAGE - 1]),
      sort: JSON.stringify(['seq', 'ASC']),
      filter: JSON.stringify(outcome ? { outcome } : {}),
    });
    const res = await httpClient(`${SUPPORT}/imports/${encodeURIComponent(importId)}/rows?${q}`);
    const total = Number((res.headers.get('content-range') ?? '').split('/').pop());
    return { rows: res.json as Row[], total: Number.isFinite(total) ? total : 0 };
  }, [importId, outcome]);
  const h = (k: string) => translate(`resources.support-imports.rows.${k}`);
  const download = () =>
    downloadFile(
      `${SUPPORT}/imports/${encodeURIComponent(importId)}/report.xlsx`,
      '比对报告.xlsx',
    ).catch(notifyProblem);
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
