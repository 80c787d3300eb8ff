import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { Show } from '../../../common/Show';
import { Link } from 'react-router';
import { formatCount } from '../../../common/format';
import {
  formatIndicatorValue,
  formatScore,
  pickText,
  type RankingResult,
  type ScoredIndicator,
} from '../codes';
import { UnitCases } from '../accountability/UnitCases';
import { IndicatorRecords } from './IndicatorRecords';
import { YellowCard } from './YellowCard';

type Result = RankingResult & { rankingId: string };

function Header() {
  const translate = useTranslate();
  const r = useRecordContext<Result>();
  if (!r) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
      <Typography variant="h6">{r.name}</Typography>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate('assessment.results.score')}
        </Typography>
        <Typography variant="h5" data-testid="result-score">
          {formatScore(r.scoreCenti)}
        </Typography>
      </Box>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate('assessment.results.rank')}
        </Typography>
        <Typography variant="h5">
          {translate('assessment.rank_of', { rank: r.rank, of: r.of ?? '—' })}
        </Typography>
      </Box>
      <YellowCard
        yellowCard={r.yellowCard}
        accountability={r.accountability}
        consecutive={r.consecutiveYellowCards}
      />
      <MuiButton component={Link} to={`/rankings/${encodeURIComponent(r.rankingId)}/show`}>
        {translate('assessment.results.back')}
      </MuiButton>
    </Box>
  );
}

function Explanation() {
  const r = useRecordContext<Result>();
  if (!r) return null;
  return (
    <Box component="ul" sx={{ mt: 0 }} data-testid="result-explanation">
      {r.explanation.map((e, i) => (
        <li key={i}>
          <Typography variant="body2">{pickText(e)}</Typography>
        </li>
      ))}
    </Box>
  );
}

function IndicatorRow({ i }: { i: ScoredIndicator }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const records = i.recordsOf?.total ?? i.records ?? 0;
  return (
    <Fragment>
      <TableRow data-testid={`indicator-${i.code}`}>
        <TableCell>{pickText(i.label)}</TableCell>
        <TableCell align="right">
          {i.applicable ? formatIndicatorValue(i.valueKind, i.value) : '—'}
        </TableCell>
        <TableCell align="right">{i.weight}</TableCell>
        <TableCell>{translate(`enums.AssessmentRule.${i.rule}`)}</TableCell>
        <TableCell align="right">{formatScore(i.pointsCenti)}</TableCell>
        <TableCell sx={{ maxWidth: 420 }}>
          <Typography variant="body2">{pickText(i.explanation)}</Typography>
        </TableCell>
        <TableCell>
          {i.recordsOf?.href ? (
            <MuiButton size="small" onClick={() => setOpen(!open)}>
              {translate(open ? 'assessment.results.hide_records' : 'assessment.results.records', {
                count: formatCount(records),
                label: pickText(i.recordsOf.label ?? i.recordsLabel),
              })}
            </MuiButton>
          ) : (
            '—'
          )}
        </TableCell>
      </TableRow>
      {open && i.recordsOf?.href ? (
        <TableRow>
          <TableCell colSpan={7}>
            <IndicatorRecords href={i.recordsOf.href} />
          </TableCell>
        </TableRow>
      ) : null}
    </Fragment>
  );
}

function Indicators() {
  const translate = useTranslate();
  const r = useRecordContext<Result>();
  if (!r) return null;
  const f = (k: string) => translate(`assessment.results.columns.${k}`);
  return (
    <Table size="small" data-testid="result-indicators">
      <TableHead>
        <TableRow>
          {['indicator', 'value', 'weight', 'rule', 'points', 'explanation', 'records'].map((k) => (
            <TableCell key={k}>{f(k)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {r.indicators.map((i) => (
          <IndicatorRow key={i.code} i={i} />
        ))}
      </TableBody>
    </Table>
  );
}

/** The unit's 问责案件, when it was ever held accountable. */
function Cases() {
  const r = useRecordContext<Result>();
  return r ? <UnitCases unitId={r.unitId} /> : null;
}

/** 得分说明 — every number of a unit's score explained, and the records behind each value. */
export default function ResultShow() {
  return (
    <Show title="assessment.results.title" actions={false}>
      <Card elevation={0}>
        <CardContent>
          <Header />
          <Explanation />
          <Indicators />
          <Cases />
        </CardContent>
      </Card>
    </Show>
  );
}
