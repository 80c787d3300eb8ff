import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  DateInput,
  NumberInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatDateTime, formatDay } from '../../../common/format';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useCalls } from '../../calls';
import { VoucherInput } from '../disbursements/VoucherInput';
import type { Project } from '../funds.api';

/** Progress is reported on projects in the library and not yet accepted (验收). */
const REPORTABLE = ['approved', 'in_progress', 'completed'];

/** 填报进度 — the percentage on a day, with photos as evidence; a lower one needs a reason. */
function ReportButton({ project }: { project: Project }) {
  const translate = useTranslate();
  const calls = useCalls();
  const t = (k: string) => `resources.projects.progress.${k}`;
  return (
    <FormDialogButton
      label={translate(t('report'))}
      title={t('report')}
      variant="contained"
      record={{
        percent: project.progressPercent ?? 0,
        reportedOn: formatDay(new Date().toISOString()),
        evidenceFileIds: [],
      }}
      done={translate(t('reported'))}
      alwaysEnable
      onSubmit={(v) =>
        calls.fundsReportProgress(project.id, {
          percent: Number(v.percent),
          reportedOn: String(v.reportedOn),
          evidenceFileIds: (v.evidenceFileIds ?? []) as string[],
          ...(typeof v.note === 'string' && v.note.trim() ? { note: v.note.trim() } : {}),
          ...(typeof v.reason === 'string' && v.reason.trim() ? { reason: v.reason.trim() } : {}),
          ...(typeof project.revision === 'number' ? { revision: project.revision } : {}),
        })
      }
    >
      <NumberInput
        source="percent"
        label={t('percent')}
        validate={[required(), minValue(0), maxValue(100)]}
        min={0}
        max={100}
        step={1}
      />
      <DateInput source="reportedOn" label={t('reportedOn')} validate={required()} />
      <TextInput source="note" label={t('note')} multiline fullWidth validate={maxLength(500)} />
      <TextInput
        source="reason"
        label={t('reason')}
        helperText={t('reason_hint')}
        multiline
        fullWidth
        validate={maxLength(500)}
      />
      <VoucherInput source="evidenceFileIds" purpose="photo" />
    </FormDialogButton>
  );
}

/** 项目进度: the planned days, the last reported percentage as a bar, and every report. */
export function ProjectProgress() {
  const translate = useTranslate();
  const p = useRecordContext<Project>();
  const { permissions } = usePermissions<Permissions>();
  if (!p) return null;
  const t = (k: string) => translate(`resources.projects.progress.${k}`);
  const percent = p.progressPercent ?? null;
  const reports = [...(p.progressReports ?? [])].reverse();
  const may = hasRight(permissions, 'funds', 'write') && REPORTABLE.includes(p.status ?? '');
  return (
    <Box data-testid="project-progress" sx={{ maxWidth: 900 }}>
      <Typography variant="body2">
        {t('planned')}：{p.plannedStartOn ? formatDay(p.plannedStartOn) : '—'} ～{' '}
        {p.plannedFinishOn ? formatDay(p.plannedFinishOn) : '—'}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 2 }}>
        <LinearProgress
          variant="determinate"
          value={percent ?? 0}
          aria-label={t('percent')}
          sx={{ flex: 1, height: 10, borderRadius: 5 }}
        />
        <Typography variant="body2" sx={{ minWidth: 80 }}>
          {percent === null ? t('none') : `${percent}%`}
        </Typography>
      </Box>
      {may ? <ReportButton project={p} /> : null}
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {t('history')}
      </Typography>
      {reports.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('none')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('reportedOn')}</TableCell>
              <TableCell align="right">{t('percent')}</TableCell>
              <TableCell>{t('note')}</TableCell>
              <TableCell>{t('evidence')}</TableCell>
              <TableCell>{t('reportedBy')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {reports.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{formatDay(r.reportedOn)}</TableCell>
                <TableCell align="right">{r.percent}%</TableCell>
                <TableCell>{[r.note, r.reason].filter(Boolean).join('；') || '—'}</TableCell>
                <TableCell>{r.evidence.map((e) => e.fileName).join('、')}</TableCell>
                <TableCell>
                  {r.reportedBy.name} · {formatDateTime(r.reportedAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
