import Box from '@mui/material/Box';
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
import { Show } from '../../../common/Show';
import { Link } from 'react-router';
import { DateTimeField, EnumField } from '../../../common/fields';
import { formatDay } from '../../../common/format';
import { formatScore, pickText, type Ranking, resultId } from '../codes';
import { YellowCard } from '../results/YellowCard';
import { NoticeButtons } from './NoticeButtons';
import { QuarterLabel } from './QuarterLabel';
import { RecomputeButton } from './RecomputeButton';

type Track = Ranking['tracks'][number];

function TrackTable({ ranking, track }: { ranking: Ranking; track: Track }) {
  const translate = useTranslate();
  const f = (k: string) => translate(`assessment.table.${k}`);
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="subtitle1">
        {translate(`enums.AssessmentUnitKind.${track.kind}`)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {track.indicators
          .map((i) =>
            translate('assessment.weighted', { label: pickText(i.label), weight: i.weight }),
          )
          .join('；')}
      </Typography>
      <Table size="small" data-testid={`ranking-${track.kind}`}>
        <TableHead>
          <TableRow>
            {['rank', 'unit', 'score', 'warning', 'explain'].map((k) => (
              <TableCell key={k}>{f(k)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {track.units.map((u) => (
            <TableRow
              key={u.unitId}
              data-testid="ranking-row"
              sx={u.yellowCard ? { bgcolor: 'rgba(253, 216, 53, 0.18)' } : undefined}
            >
              <TableCell>{u.rank}</TableCell>
              <TableCell>{u.name}</TableCell>
              <TableCell>
                <Link
                  to={`/ranking-results/${encodeURIComponent(resultId(ranking.id, u.unitId))}/show`}
                >
                  {formatScore(u.scoreCenti)}
                </Link>
              </TableCell>
              <TableCell>
                <YellowCard
                  yellowCard={u.yellowCard}
                  accountability={u.accountability}
                  consecutive={u.consecutiveYellowCards}
                />
              </TableCell>
              <TableCell>
                <Link
                  to={`/ranking-results/${encodeURIComponent(resultId(ranking.id, u.unitId))}/show`}
                >
                  {f('open')}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function Tracks() {
  const r = useRecordContext<Ranking>();
  if (!r) return null;
  return (
    <Box>
      {r.tracks.map((t) => (
        <TrackTable key={t.kind} ranking={r} track={t} />
      ))}
    </Box>
  );
}

function Period() {
  const r = useRecordContext<Ranking>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <span>
      {translate('assessment.period', {
        from: formatDay(r.period.first),
        to: formatDay(r.period.last),
      })}
    </span>
  );
}

function Versions() {
  const r = useRecordContext<Ranking>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <span>
      {r.supersededBy ? (
        <Link to={`/rankings/${encodeURIComponent(r.supersededBy)}/show`}>
          {translate('assessment.superseded_by')}
        </Link>
      ) : (
        translate('assessment.in_force')
      )}
      {r.supersedes ? (
        <>
          {' · '}
          <Link to={`/rankings/${encodeURIComponent(r.supersedes)}/show`}>
            {translate('assessment.previous_version')}
          </Link>
        </>
      ) : null}
    </span>
  );
}

/** 季度排名表 — each track's units by rank with their yellow cards; a score opens its explanation. */
export default function RankingShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <NoticeButtons />
          <RecomputeButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Labeled source="quarterKey">
          <QuarterLabel />
        </Labeled>
        <Labeled source="period">
          <Period />
        </Labeled>
        <EnumField source="trigger" name="RankingTrigger" />
        <TextField source="reason" emptyText="—" />
        <DateTimeField source="publishedAt" />
        <Labeled source="supersededBy">
          <Versions />
        </Labeled>
        <Tracks />
      </SimpleShowLayout>
    </Show>
  );
}
