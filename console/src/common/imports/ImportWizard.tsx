import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { type ReactNode, useState } from 'react';
import { Title, useRedirect, useTranslate } from 'react-admin';
import { useCommonCalls } from '../../providers/dataProvider';
import { pick, problemOf, useNotifyProblem } from '../../providers/problem';
import { ImportSteps } from './ImportSteps';

export interface ImportWizardProps {
  /** The import's message group: `title`, `step_*`, `template_hint`, `upload` … (see below). */
  messages: string;
  /**
   * The template's URL and the name it is saved under when the service does not name it.
   * Without a template (the file is another department's own list) the wizard is the upload
   * form alone, without steps.
   */
  templateUrl?: string;
  templateName?: string;
  /** The upload's URL for a file (the file itself is the request body). */
  uploadUrl: (file: File) => string;
  /** The resource whose show page follows the import (the job, or the finished import). */
  resource: string;
  /** Options asked before the upload (a term, a year …). */
  children?: ReactNode;
  /** False while the options are incomplete. */
  ready?: boolean;
}

/**
 * 导入向导 — download the template, fill it in Excel, upload it; then the import's own page
 * shows the progress and the row report (and can be left and come back to). Its texts are
 * `<messages>.{title, choose_file, upload, uploading, failed, leave_hint}`, and with a template
 * `<messages>.{template_hint, download_template, next, step_*}`.
 */
export function ImportWizard({
  messages,
  templateUrl,
  templateName = 'template.xlsx',
  uploadUrl,
  resource,
  children,
  ready = true,
}: ImportWizardProps) {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const calls = useCommonCalls();
  const redirect = useRedirect();
  const [step, setStep] = useState(templateUrl ? 0 : 1);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = (k: string, args?: Record<string, unknown>) => translate(`${messages}.${k}`, args);

  const template = async () => {
    if (!templateUrl) return;
    try {
      await calls.download(templateUrl, templateName);
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
      const job = (await calls.upload(uploadUrl(file), file)) as { id: string };
      redirect('show', resource, job.id);
    } catch (err) {
      const p = problemOf(err);
      setError(p ? pick(p.message) : translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={`${messages}.title`} />
      <CardContent>
        {templateUrl ? <ImportSteps active={step} messages={messages} /> : null}
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 720 }}>
          {templateUrl ? (
            <>
              <Typography variant="body2">{t('template_hint')}</Typography>
              <Box sx={{ display: 'flex', gap: 2 }}>
                <Button
                  variant="outlined"
                  startIcon={<DownloadIcon />}
                  onClick={() => void template()}
                >
                  {t('download_template')}
                </Button>
                {step === 0 ? <Button onClick={() => setStep(1)}>{t('next')}</Button> : null}
              </Box>
            </>
          ) : null}
          {step >= 1 ? (
            <>
              {children}
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
              {error ? <Alert severity="error">{t('failed', { message: error })}</Alert> : null}
              <Box>
                <Button
                  variant="contained"
                  startIcon={<UploadIcon />}
                  disabled={!file || !ready || busy}
                  onClick={() => void upload()}
                >
                  {t(busy ? 'uploading' : 'upload')}
                </Button>
              </Box>
              <Typography variant="caption" color="text.secondary">
                {t('leave_hint')}
              </Typography>
            </>
          ) : null}
        </Box>
      </CardContent>
    </Card>
  );
}
