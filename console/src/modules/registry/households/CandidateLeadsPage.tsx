import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCanAccess, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatDateTime } from '../../../common/format';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { CandidateLead } from './clearance.api';
import { ReasonInput } from './StepOpinionInputs';

/**
 * 漏评线索 — persons on the 低保 list who are not in the registry, from verified matching
 * findings: the township registers the household as a candidate (贫困户登记, then 精准识别) or
 * dismisses the lead with a reason; matching is told either way.
 */
export default function CandidateLeadsPage() {
  const translate = useTranslate();
  const calls = useCalls();
  const { canAccess: mayWrite } = useCanAccess({ resource: 'households', action: 'edit' });
  const leads = useApi(() => calls.candidateLeads(null), []);
  if (leads.loading && !leads.data) return <Spinner />;
  if (!leads.data) {
    const p = problemOf(leads.error);
    return (
      <Alert severity="error">
        {p ? pick(p.message) : translate('ra.notification.http_error')}
      </Alert>
    );
  }
  const rows: CandidateLead[] = leads.data;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6">{translate('clearance.leads.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('clearance.leads.hint')}
        </Typography>
        {rows.length === 0 ? (
          <Typography variant="body2">{translate('clearance.leads.none')}</Typography>
        ) : (
          <Table size="small" data-testid="candidate-leads">
            <TableHead>
              <TableRow>
                {(['finding', 'area', 'person', 'received', 'status', 'decision'] as const).map(
                  (c) => (
                    <TableCell key={c}>{translate(`clearance.leads.columns.${c}`)}</TableCell>
                  ),
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((l) => (
                <TableRow key={l.id}>
                  <TableCell>{l.findingId}</TableCell>
                  <TableCell>{l.areaCode}</TableCell>
                  <TableCell>{l.person}</TableCell>
                  <TableCell>{formatDateTime(l.receivedAt)}</TableCell>
                  <TableCell>
                    <Chip size="small" label={translate(`clearance.leads.status.${l.status}`)} />
                  </TableCell>
                  <TableCell>
                    {l.status === 'open' && mayWrite ? (
                      <FormDialogButton
                        label="clearance.leads.dismiss"
                        title="clearance.leads.dismiss_title"
                        icon={<CloseIcon />}
                        color="error"
                        done="clearance.decided"
                        onSubmit={async (v) => {
                          const next = await calls.candidateLeadDismiss(
                            l.id,
                            String(v.reason ?? '').trim(),
                          );
                          void leads.reload();
                          return next;
                        }}
                      >
                        <ReasonInput label="clearance.reason" />
                      </FormDialogButton>
                    ) : (
                      (l.reason ?? '')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
