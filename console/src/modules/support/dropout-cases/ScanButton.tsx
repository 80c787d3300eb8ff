import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  Toolbar,
  required,
  useCanAccess,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useNotifyProblem } from '../../../providers/problem';
import { currentTerm, type DropoutScanResult } from '../support.api';
import { TermInput } from '../SupportInputs';
import { dropoutCalls } from './dropout.api';

const FIGURES = [
  'checked',
  'enrolled',
  'opened',
  'alreadyOpen',
  'closedReturned',
  'closedLeftRegistry',
] as const;

/**
 * 控辍保学排查 — checks every registered child of compulsory-education age against the
 * term's enrollment: a case opens for each child not enrolled, and open cases whose child
 * is enrolled again (or left the registry) close by themselves.
 */
export function ScanButton() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'support-dropout-cases', action: 'create' });
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<DropoutScanResult | null>(null);
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!canAccess) return null;
  const t = (k: string) => translate(`resources.support-dropout-cases.scan.${k}`);
  const close = () => {
    setOpen(false);
    setResult(null);
  };
  return (
    <>
      <Button label="resources.support-dropout-cases.scan.button" onClick={() => setOpen(true)}>
        <ManageSearchIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{t('title')}</DialogTitle>
        <DialogContent>
          {result ? (
            <Box data-testid="scan-result">
              <Alert severity="success" sx={{ mb: 2 }}>
                {t('done')}
              </Alert>
              <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2 }}>
                {FIGURES.map((k) => (
                  <Box key={k}>
                    <Typography variant="caption" color="text.secondary">
                      {t(k)}
                    </Typography>
                    <Typography variant="h6">{result[k] ?? 0}</Typography>
                  </Box>
                ))}
              </Box>
            </Box>
          ) : (
            <Form
              record={{ term: currentTerm() }}
              onSubmit={async (v: Record<string, unknown>) => {
                try {
                  setResult(await dropoutCalls.scan(String(v.term)));
                  refresh();
                } catch (err) {
                  notifyProblem(err);
                }
              }}
            >
              <Typography variant="body2" sx={{ mb: 2 }}>
                {t('hint')}
              </Typography>
              <TermInput source="term" label={t('term')} validate={required()} />
              <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
                <SaveButton label={t('run')} alwaysEnable icon={<ManageSearchIcon />} />
              </Toolbar>
            </Form>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
