import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Button as RaButton, useCanAccess, useRefresh, useTranslate } from 'react-admin';
import { pick, useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { AreaImportReport as Report } from '../registry.api';

/** 导入区划 — uploads the area tree (CSV or XLSX) and shows what was stored and every rejected row. */
export function AreaImportButton() {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const calls = useCalls();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'areas', action: 'create' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  if (!canAccess) return null;

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const r = await calls.registryAreaImport(file);
      setReport(r);
      refresh();
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <RaButton label="resources.areas.import.button" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </RaButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('resources.areas.import.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('resources.areas.import.hint')}
          </Typography>
          <Button variant="outlined" component="label" disabled={busy}>
            {translate('resources.areas.import.choose')}
            <input
              hidden
              type="file"
              accept=".csv,.xlsx"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
                e.target.value = '';
              }}
            />
          </Button>
          {report ? (
            <>
              <Alert severity={report.rejected ? 'warning' : 'success'} sx={{ mt: 2 }}>
                {translate('resources.areas.import.done', {
                  created: report.areas.created + report.groups.created,
                  updated: report.areas.updated + report.groups.updated,
                  unchanged: report.areas.unchanged + report.groups.unchanged,
                  rejected: report.rejected,
                })}
              </Alert>
              {report.rejections.length ? (
                <Table
                  size="small"
                  sx={{ mt: 2 }}
                  aria-label={translate('resources.areas.import.rejected')}
                >
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('resources.imports.fields.rejected.row')}</TableCell>
                      <TableCell>{translate('resources.imports.fields.rejected.column')}</TableCell>
                      <TableCell>
                        {translate('resources.imports.fields.rejected.message')}
                      </TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {report.rejections.map((r, i) => (
                      <TableRow key={i}>
                        <TableCell>{r.row}</TableCell>
                        <TableCell>{r.column}</TableCell>
                        <TableCell>{pick(r.message)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              ) : null}
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
