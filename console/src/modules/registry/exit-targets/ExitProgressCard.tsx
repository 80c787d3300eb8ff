import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { DashboardCard } from '../../../dashboard/DashboardCard';
import { useApi } from '../../../common/useApi';
import { useCalls } from '../../calls';

function Met({ met }: { met: boolean | null }) {
  const translate = useTranslate();
  if (met === null)
    return <Chip size="small" label={translate('village_exit.progress.no_target')} />;
  return (
    <Chip
      size="small"
      color={met ? 'success' : 'warning'}
      label={translate(met ? 'village_exit.progress.met' : 'village_exit.progress.not_met')}
    />
  );
}

function Figure(props: { label: string; value: string; met: boolean | null }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'space-between' }}>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {props.label}
        </Typography>
        <Typography variant="h6">{props.value}</Typography>
      </Box>
      <Met met={props.met} />
    </Box>
  );
}

/**
 * 年度目标进度 — this year's poverty incidence, village exits and household exits against the
 * targets set for the user's area.
 */
export default function ExitProgressCard() {
  const calls = useCalls();
  const translate = useTranslate();
  const { data, loading, error } = useApi(calls.exitProgress, []);
  const dash = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
  return (
    <DashboardCard title="village_exit.progress.card" loading={loading} error={error}>
      {data ? (
        <Box
          sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}
          data-testid="exit-progress"
        >
          <Typography variant="caption" color="text.secondary">
            {translate('village_exit.progress.title', { year: data.year })}
          </Typography>
          <Figure
            label={translate('village_exit.progress.incidence')}
            value={
              data.incidence.targetPercent === null
                ? `${dash(data.incidence.percent)}%`
                : translate('village_exit.progress.incidence_value', {
                    now: dash(data.incidence.percent),
                    target: data.incidence.targetPercent,
                  })
            }
            met={data.incidence.met}
          />
          <Figure
            label={translate('village_exit.progress.villages')}
            value={translate('village_exit.progress.villages_value', {
              done: data.villages.exitedInYear,
              target: dash(data.villages.target),
            })}
            met={data.villages.met}
          />
          <Figure
            label={translate('village_exit.progress.households')}
            value={translate('village_exit.progress.households_value', {
              done: data.households.exited,
              target: dash(data.households.target),
            })}
            met={data.households.met}
          />
          {data.villages.named.length ? (
            <Typography variant="body2">
              {translate('village_exit.progress.named')}：
              {data.villages.named
                .map(
                  (v) =>
                    `${v.name || v.code}${v.exited ? '✓' : v.exitStage ? `（${translate(`enums.WorkflowStage.${v.exitStage}`)}）` : ''}`,
                )
                .join('、')}
            </Typography>
          ) : null}
          <Typography variant="caption" color="text.secondary">
            {translate('village_exit.progress.not_exited', { count: data.villages.notExited })}
          </Typography>
        </Box>
      ) : null}
    </DashboardCard>
  );
}
