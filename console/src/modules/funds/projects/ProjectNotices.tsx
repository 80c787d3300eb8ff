import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  DateInput,
  SelectInput,
  TextInput,
  maxLength,
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
import type { Project, ProjectNoticeInput } from '../funds.api';

/** Each notice is posted while its step is ahead: the proposal's before approval, the acceptance result once accepted. */
const OPEN_FOR: Record<ProjectNoticeInput['step'], string> = {
  approval: 'proposed',
  final_payment: 'accepted',
};
const PLACES = ['village_board', 'government_site', 'other'] as const;

/** 登记公示 — the day, where, the text and photos of a notice put up. */
function RecordButton({ project, step }: { project: Project; step: ProjectNoticeInput['step'] }) {
  const translate = useTranslate();
  const calls = useCalls();
  const t = (k: string) => `resources.projects.notices.${k}`;
  return (
    <FormDialogButton
      label={translate(t('record'))}
      title={t('record')}
      variant="contained"
      record={{
        step,
        postedOn: formatDay(new Date().toISOString()),
        place: 'village_board',
        evidenceFileIds: [],
      }}
      done={translate(t('recorded'))}
      alwaysEnable
      listRefusals
      onSubmit={(v) =>
        calls.fundsRecordProjectNotice(project.id, {
          step,
          postedOn: String(v.postedOn),
          place: v.place as ProjectNoticeInput['place'],
          text: String(v.text ?? '').trim(),
          evidenceFileIds: (v.evidenceFileIds ?? []) as string[],
          ...(typeof v.placeNote === 'string' && v.placeNote.trim()
            ? { placeNote: v.placeNote.trim() }
            : {}),
          ...(typeof project.revision === 'number' ? { revision: project.revision } : {}),
        })
      }
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate(`enums.ProjectNoticeStep.${step}`)}
      </Typography>
      <DateInput source="postedOn" label={t('postedOn')} validate={required()} />
      <SelectInput
        source="place"
        label={t('place')}
        validate={required()}
        choices={PLACES.map((id) => ({ id, name: `enums.ProjectNoticePlace.${id}` }))}
      />
      <TextInput
        source="placeNote"
        label={t('placeNote')}
        helperText={t('placeNote_hint')}
        fullWidth
        validate={maxLength(200)}
      />
      <TextInput
        source="text"
        label={t('text')}
        multiline
        minRows={3}
        fullWidth
        validate={[required(), maxLength(2000)]}
      />
      <VoucherInput
        source="evidenceFileIds"
        purpose="photo"
        optional
        label={t('evidence')}
        hint={t('evidence_hint')}
      />
    </FormDialogButton>
  );
}

/** 公示: the notices posted on the project, and 登记公示 while one is due. */
export function ProjectNotices() {
  const translate = useTranslate();
  const p = useRecordContext<Project>();
  const { permissions } = usePermissions<Permissions>();
  if (!p) return null;
  const t = (k: string) => translate(`resources.projects.notices.${k}`);
  const notices = [...(p.notices ?? [])].reverse();
  const due = (Object.keys(OPEN_FOR) as ProjectNoticeInput['step'][]).find(
    (s) => OPEN_FOR[s] === p.status,
  );
  const may = hasRight(permissions, 'funds', 'write') && due;
  return (
    <Box data-testid="project-notices" sx={{ maxWidth: 960 }}>
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('rule')}
      </Alert>
      {may ? <RecordButton project={p} step={due} /> : null}
      {notices.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {t('none')}
        </Typography>
      ) : (
        <Table size="small" sx={{ mt: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('step')}</TableCell>
              <TableCell>{t('postedOn')}</TableCell>
              <TableCell>{t('place')}</TableCell>
              <TableCell>{t('text')}</TableCell>
              <TableCell>{t('evidence')}</TableCell>
              <TableCell>{t('recordedBy')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {notices.map((n) => (
              <TableRow key={n.id}>
                <TableCell>{translate(`enums.ProjectNoticeStep.${n.step}`)}</TableCell>
                <TableCell>{formatDay(n.postedOn)}</TableCell>
                <TableCell>
                  {translate(`enums.ProjectNoticePlace.${n.place}`)}
                  {n.placeNote ? `（${n.placeNote}）` : ''}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{n.text}</TableCell>
                <TableCell>{n.evidence.map((e) => e.fileName).join('、') || '—'}</TableCell>
                <TableCell>
                  {n.recordedBy.name} · {formatDateTime(n.recordedAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
