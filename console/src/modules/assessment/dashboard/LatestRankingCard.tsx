import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { BarChart } from '../../../charts/BarChart';
import { useApi } from '../../../common/useApi';
import { DashboardCard } from '../../../dashboard/DashboardCard';
import { useCalls } from '../../calls';
import { formatScore } from '../codes';
import { YellowCard } from '../results/YellowCard';

/** 最新季度排名 — the latest quarter in force: scores per unit and who got a yellow card. */
export default function LatestRankingCard() {
  const translate = useTranslate();
  const calls = useCalls();
  const { data, loading, error } = useApi(() => calls.assessmentLatestRanking(), [calls]);
  const track = data?.tracks[0];
  const warned = data ? data.tracks.flatMap((t) => t.units).filter((u) => u.yellowCard) : [];
  return (
    <DashboardCard
      title="assessment.dashboard.latest_ranking"
      loading={loading}
      error={error}
      empty={!data}
    >
      {data ? (
        <Box data-testid="latest-ranking">
          <Typography variant="body2" sx={{ mb: 1 }}>
            <Link to={`/rankings/${encodeURIComponent(data.id)}/show`}>
              {translate('assessment.quarter_version', {
                year: data.year,
                quarter: data.quarter,
                version: data.version,
              })}
            </Link>
          </Typography>
          {track ? (
            <BarChart
              title={translate(`enums.AssessmentUnitKind.${track.kind}`)}
              bars={track.units.map((u) => ({
                label: u.name,
                value: u.scoreCenti / 100,
                display: formatScore(u.scoreCenti),
              }))}
            />
          ) : null}
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 1 }}>
            {warned.length === 0 ? (
              <Typography variant="body2">{translate('assessment.no_yellow_cards')}</Typography>
            ) : (
              warned.map((u) => (
                <Box key={u.unitId} sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center' }}>
                  <Typography variant="body2">{u.name}</Typography>
                  <YellowCard
                    yellowCard
                    accountability={u.accountability}
                    consecutive={u.consecutiveYellowCards}
                  />
                </Box>
              ))
            )}
          </Box>
        </Box>
      ) : null}
    </DashboardCard>
  );
}
