import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { EnumLabel } from '../../../common/fields';
import { formatDay } from '../../../common/format';
import { useApi } from '../../../common/useApi';
import { DashboardCard } from '../../../dashboard/DashboardCard';
import { useCalls } from '../../calls';
import { TASK_STATES } from './task.api';

const m = (k: string) => `assessment.tasks.${k}`;
const stateList = (state: string) =>
  `/schedule-tasks?filter=${encodeURIComponent(JSON.stringify({ state }))}`;

/** 倒排工期 on the dashboard: tasks by standing today, and the overdue and at-risk ones. */
export default function TaskScheduleCard() {
  const translate = useTranslate();
  const calls = useCalls();
  const { data, loading, error } = useApi(() => calls.assessmentTaskSummary(), [calls]);
  const total = data ? TASK_STATES.reduce((n, s) => n + (data.byState[s] ?? 0), 0) : 0;
  return (
    <DashboardCard
      title={m('summary')}
      loading={loading}
      error={error}
      empty={!data || total === 0}
    >
      {data ? (
        <Box data-testid="task-schedule-card">
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 1 }}>
            {TASK_STATES.map((s) => (
              <Chip
                key={s}
                size="small"
                component={Link}
                to={stateList(s)}
                clickable
                color={s === 'overdue' ? 'error' : s === 'at_risk' ? 'warning' : 'default'}
                label={
                  <>
                    <EnumLabel name="TaskState" code={s} /> {data.byState[s] ?? 0}
                  </>
                }
              />
            ))}
          </Box>
          <Typography variant="caption" color="text.secondary">
            {translate(m('as_of'), { today: formatDay(data.today) })}；
            {translate(m('summary_rule'), { version: data.ruleVersion })}
          </Typography>
          <Typography variant="subtitle2" sx={{ mt: 1 }}>
            {translate(m('late'))}
          </Typography>
          {data.late.length === 0 ? (
            <Typography variant="body2">{translate(m('no_late'))}</Typography>
          ) : (
            data.late.slice(0, 5).map((t) => (
              <Typography key={t.id} variant="body2">
                <Link to={`/schedule-tasks/${encodeURIComponent(t.id)}/show`}>
                  {t.code} {t.title}
                </Link>
                {' · '}
                {t.ownerUnit} · {formatDay(t.dueOn)} ·{' '}
                <EnumLabel name="TaskState" code={t.standing.state} />
              </Typography>
            ))
          )}
        </Box>
      ) : null}
    </DashboardCard>
  );
}
