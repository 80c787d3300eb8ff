import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { required, useCanAccess, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { useCalls } from '../../calls';
import { currentTerm, type DropoutScanResult } from '../support.api';
import { TermInput } from '../SupportInputs';

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
  const calls = useCalls();
  if (!canAccess) return null;
  const t = (k: string) => translate(`resources.support-dropout-cases.scan.${k}`);
  return (
    <FormDialogButton<DropoutScanResult>
      label="resources.support-dropout-cases.scan.button"
      title="resources.support-dropout-cases.scan.title"
      icon={<ManageSearchIcon />}
      hint={t('hint')}
      record={{ term: currentTerm() }}
      submitLabel="resources.support-dropout-cases.scan.run"
      submitIcon={<ManageSearchIcon />}
      alwaysEnable
      onSubmit={(v) => calls.supportDropoutScan(String(v.term))}
      result={(result) => (
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
      )}
    >
      <TermInput source="term" label={t('term')} validate={required()} />
    </FormDialogButton>
  );
}
