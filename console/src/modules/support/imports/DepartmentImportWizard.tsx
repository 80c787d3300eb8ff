import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { uploadFile } from '../../../providers/http';
import type { Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import {
  currentTerm,
  IMPORT_KINDS,
  seesHalf,
  SUPPORT,
  termsSince,
  thisYear,
  yearsSince,
  type DepartmentImport,
} from '../support.api';
import { useTermLabel } from '../SupportInputs';

const HALF_OF = { education_enrollment: 'education', health_insurance: 'health' } as const;

/**
 * 导入部门名单 — the education department's enrollment list of a term, or the health
 * department's insurance list of a year (XLSX or CSV). ID numbers are hashed and masked on
 * arrival; the reconciliation then runs as a job whose page shows its progress and report.
 */
export default function DepartmentImportWizard() {
  const translate = useTranslate();
  const termLabel = useTermLabel();
  const redirect = useRedirect();
  const { permissions } = usePermissions<Permissions>();
  const kinds = IMPORT_KINDS.filter((k) => seesHalf(permissions, HALF_OF[k]));
  const [kind, setKind] = useState<(typeof IMPORT_KINDS)[number] | ''>('');
  const [term, setTerm] = useState(currentTerm());
  const [year, setYear] = useState(thisYear());
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = kind || kinds[0] || '';
  const t = (k: string) => translate(`resources.support-imports.wizard.${k}`);

  const upload = async () => {
    if (!file || !chosen) return;
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams(
        chosen === 'education_enrollment'
          ? { term, fileName: file.name }
          : { year: String(year), fileName: file.name },
      );
      const path = chosen === 'education_enrollment' ? 'education-enrollment' : 'health-insurance';
      const job = (await uploadFile(`${SUPPORT}/imports/${path}?${q}`, file)) as DepartmentImport;
      redirect('show', 'support-imports', job.id);
    } catch (err) {
      const p = problemOf(err);
      setError(p ? pick(p.message) : translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.support-imports.wizard.title" />
      <CardContent>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 720 }}>
          <TextField
            select
            size="small"
            name="kind"
            label={t('kind')}
            value={chosen}
            onChange={(e) => setKind(e.target.value as (typeof IMPORT_KINDS)[number])}
          >
            {kinds.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`enums.SupportImportKind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2">{chosen ? t(`${chosen}_hint`) : ''}</Typography>
          {chosen === 'education_enrollment' ? (
            <TextField
              select
              size="small"
              name="term"
              label={t('term')}
              value={term}
              onChange={(e) => setTerm(e.target.value)}
            >
              {termsSince(2014).map((x) => (
                <MenuItem key={x} value={x}>
                  {termLabel(x)}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <TextField
              select
              size="small"
              name="year"
              label={t('year')}
              value={year}
              onChange={(e) => setYear(Number(e.target.value))}
            >
              {yearsSince(2014).map((y) => (
                <MenuItem key={y} value={y}>
                  {y}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <Button variant="outlined" component="label">
              {t('choose_file')}
              <input
                hidden
                type="file"
                name="importFile"
                accept=".xlsx,.csv"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Button>
            <Typography variant="body2">{file?.name ?? ''}</Typography>
          </Box>
          {error ? (
            <Alert severity="error">
              {translate('resources.support-imports.wizard.failed', { message: error })}
            </Alert>
          ) : null}
          <Box>
            <Button
              variant="contained"
              startIcon={<UploadIcon />}
              disabled={!file || !chosen || busy}
              onClick={() => void upload()}
            >
              {t(busy ? 'uploading' : 'upload')}
            </Button>
          </Box>
          <Typography variant="caption" color="text.secondary">
            {translate('resources.support-imports.leave_hint')}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
}
