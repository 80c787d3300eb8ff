import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  Labeled,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AreaField, DayField, EnumField, EnumLabel } from '../../../common/fields';
import { formatDateTime, formatDay } from '../../../common/format';
import { Show } from '../../../common/Show';
import type { Task } from './task.api';
import { ReportTaskButton } from './TaskActions';
import { StandingReasons } from './TaskList';

const m = (k: string) => `assessment.tasks.${k}`;

/** The reported percentage as a bar, with where the plan says it should be today. */
function Progress() {
  const translate = useTranslate();
  const t = useRecordContext<Task>();
  if (!t) return null;
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 2, width: 640, maxWidth: '100%' }}
      data-testid="task-progress"
    >
      <LinearProgress
        variant="determinate"
        value={t.progressPercent}
        aria-label={translate(m('percent'))}
        sx={{ flex: 1, height: 10, borderRadius: 5 }}
      />
      <Typography variant="body2">{t.progressPercent}%</Typography>
      {t.completedOn ? null : (
        <Typography variant="body2" color="text.secondary">
          {translate(m('planned'), { percent: t.standing.plannedPercent })}
        </Typography>
      )}
    </Box>
  );
}

/** 节点安排 — each milestone's planned day and the day it was done. */
function Milestones() {
  const translate = useTranslate();
  const t = useRecordContext<Task>();
  if (!t) return null;
  if (!t.milestones.length)
    return <Typography variant="body2">{translate(m('no_milestones'))}</Typography>;
  return (
    <Table size="small" data-testid="task-milestones" sx={{ maxWidth: 700 }}>
      <TableHead>
        <TableRow>
          {['milestone', 'milestone_due', 'milestone_done'].map((k) => (
            <TableCell key={k}>{translate(m(k))}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {t.milestones.map((ms) => (
          <TableRow key={ms.title}>
            <TableCell>{ms.title}</TableCell>
            <TableCell>{formatDay(ms.dueOn)}</TableCell>
            <TableCell>{ms.doneOn ? formatDay(ms.doneOn) : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** 进度填报记录 — every report, newest first. */
function Reports() {
  const translate = useTranslate();
  const t = useRecordContext<Task>();
  const reports = [...(t?.reports ?? [])].reverse();
  if (!reports.length) return <Typography variant="body2">{translate(m('no_reports'))}</Typography>;
  return (
    <Table size="small" data-testid="task-reports" sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          {['reportedOn', 'percent', 'note', 'reported_by'].map((k) => (
            <TableCell key={k}>{translate(m(k))}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {reports.map((r, i) => (
          <TableRow key={i}>
            <TableCell>{formatDay(r.reportedOn)}</TableCell>
            <TableCell align="right">{r.percent}%</TableCell>
            <TableCell>{[r.note, r.reason].filter(Boolean).join('；') || '—'}</TableCell>
            <TableCell>
              {String((r.by as { name?: string }).name ?? '')} · {formatDateTime(r.at)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Link() {
  const t = useRecordContext<Task>();
  if (!t?.link) return <span>—</span>;
  return (
    <span>
      <EnumLabel name="TaskLinkKind" code={t.link.kind} />：{t.link.ref}
    </span>
  );
}

/** 任务详情 — what is owed, by whom, by when; where it stands today, its milestones and reports. */
export default function TaskShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <ReportTaskButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="title" />
        <TextField source="ownerUnit" />
        <TextField source="leader" emptyText="—" />
        <AreaField source="areaCode" />
        <DayField source="startOn" />
        <DayField source="dueOn" />
        <EnumField source="standing.state" name="TaskState" chip />
        <Labeled source="standing.reasons">
          <StandingReasons empty="—" />
        </Labeled>
        <Labeled source="progressPercent">
          <Progress />
        </Labeled>
        <Labeled source="link.ref">
          <Link />
        </Labeled>
        <Labeled label={m('milestones')}>
          <Milestones />
        </Labeled>
        <Labeled label={m('reports')}>
          <Reports />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
