import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, useRedirect, useTranslate } from 'react-admin';
import { downloadFile, uploadFile } from '../../../providers/http';
import { pick, problemOf, useNotifyProblem } from '../../../providers/problem';
import { ImportSteps } from './ImportSteps';

/**
 * 导入贫困户 — download the template, fill it in Excel, upload it. The import then runs
 * as a background job whose page shows its progress and report (and can be left and
 * come back to).
 */
export default function ImportWizard() {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const redirect = useRedirect();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const template = async () => {
    try {
      await downloadFile('/api/registry/imports/template.xlsx', '贫困户导入模板.xlsx');
      setStep(1);
    } catch (err) {
      notifyProblem(err);
    }
  };

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const job = (await uploadFile(
        `/api/registry/imports/households?fileName=${encodeURIComponent(file.name)}`,
        file,
      )) as { id: string };
      redirect('show', 'imports', job.id);
    } catch (err) {
      const p = problemOf(err);
      setError(p ? pick(p.message) : translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.imports.wizard.title" />
      <CardContent>
        <ImportSteps active={step} />
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 720 }}>
          <Typography variant="body2">
            {translate('resources.imports.wizard.template_hint')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2 }}>
            <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void template()}>
              {translate('resources.imports.wizard.download_template')}
            </Button>
            {step === 0 ? (
              <Button onClick={() => setStep(1)}>
                {translate('resources.imports.wizard.next')}
              </Button>
            ) : null}
          </Box>
          {step >= 1 ? (
            <>
              <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
                <Button variant="outlined" component="label">
                  {translate('resources.imports.wizard.choose_file')}
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
                  {translate('resources.imports.wizard.failed', { message: error })}
                </Alert>
              ) : null}
              <Box>
                <Button
                  variant="contained"
                  startIcon={<UploadIcon />}
                  disabled={!file || busy}
                  onClick={() => void upload()}
                >
                  {translate(
                    busy ? 'resources.imports.wizard.uploading' : 'resources.imports.wizard.upload',
                  )}
                </Button>
              </Box>
              <Typography variant="caption" color="text.secondary">
                {translate('resources.imports.wizard.leave_hint')}
              </Typography>
            </>
          ) : null}
        </Box>
      </CardContent>
    </Card>
  );
}
