import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../../common/format';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { evidenceText } from './guarantee-source';
import type { Household, HistoryEntry } from './household.api';

/**
 * 变更历史 — every change of the household, newest first, as the registry keeps it (never
 * overwritten): who, when, what, why, the status it moved between and the evidence.
 */
export function HouseholdHistoryTimeline() {
  const translate = useTranslate();
  const household = useRecordContext<Household>();
  const calls = useCalls();
  const id = household ? String(household.id) : null;
  const history = useApi(id ? () => calls.householdHistory(id) : null, [id, household?.revision]);
  if (!household) return null;
  if (history.loading && !history.data) return <Spinner />;
  if (!history.data) {
    const p = problemOf(history.error);
    return (
      <Alert severity="error">
        {p ? pick(p.message) : translate('ra.notification.http_error')}
      </Alert>
    );
  }
  if (history.data.length === 0) return <Typography>{translate('history.empty')}</Typography>;

  const actionLabel = (e: HistoryEntry) => {
    const [kind, action] = e.action.split('.');
    return action
      ? `${translate(`enums.WorkflowKind.${kind}`, { _: kind })} · ${translate(`enums.WorkflowAction.${action}`, { _: action })}`
      : translate(`enums.HistoryAction.${e.action}`, { _: e.action });
  };
  const status = (s: string | null | undefined) =>
    s ? translate(`enums.HouseholdStatus.${s}`, { _: s }) : translate('app.none');
  // Only the fields a person recognises; internal bookkeeping fields are left out.
  const fieldLabels = (fields: string[]) =>
    fields
      .map((f) => translate(`resources.households.fields.${f}`, { _: '' }))
      .filter((l) => l && !l.startsWith('resources.'));

  return (
    <Box
      component="ol"
      sx={{ listStyle: 'none', p: 0, m: 0, position: 'relative' }}
      data-testid="household-history"
    >
      {[...history.data].reverse().map((e, i) => {
        const labels = fieldLabels(e.changed ?? []);
        return (
          <Box component="li" key={i} sx={{ display: 'flex', gap: 2, mb: 2 }}>
            <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.5 }}>
              <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: 'primary.main' }} />
              <Box sx={{ flex: 1, width: 2, bgcolor: 'divider', mt: 0.5 }} />
            </Box>
            <Paper variant="outlined" sx={{ p: 1.5, flex: 1 }}>
              <Box
                sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}
              >
                <Typography variant="subtitle2">{actionLabel(e)}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate('workflow.by', {
                    actor: e.actorName ?? e.actorId,
                    date: formatDateTime(e.at),
                  })}
                </Typography>
              </Box>
              {e.from !== e.to && (e.from || e.to) ? (
                <Typography variant="body2">
                  {translate('history.status_change', { from: status(e.from), to: status(e.to) })}
                </Typography>
              ) : null}
              {e.reason ? <Typography variant="body2">{e.reason}</Typography> : null}
              {labels.length ? (
                <Typography variant="caption" color="text.secondary">
                  {translate('history.changed', { fields: labels.join('、') })}
                </Typography>
              ) : null}
              {e.evidence?.length ? (
                <Typography variant="caption" color="text.secondary" component="div">
                  {e.evidence.map((x) => evidenceText(x, translate)).join('；')}
                </Typography>
              ) : null}
            </Paper>
          </Box>
        );
      })}
    </Box>
  );
}
