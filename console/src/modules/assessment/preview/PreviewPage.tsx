import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { formatDateTime } from '../../../common/format';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import {
  formatIndicatorValue,
  formatScore,
  pickText,
  type QuarterPreview,
  runningQuarter,
} from '../codes';

type Track = QuarterPreview['tracks'][number];

function TrackTable({ track, results }: { track: Track; results: QuarterPreview['results'] }) {
  const translate = useTranslate();
  const rows = results.filter((r) => r.kind === track.kind).sort((a, b) => a.rank - b.rank);
  return (
    <Box sx={{ mb: 3, overflowX: 'auto' }}>
      <Typography variant="subtitle1">
        {translate(`enums.AssessmentUnitKind.${track.kind}`)}
      </Typography>
      <Table size="small" data-testid={`preview-${track.kind}`}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('assessment.table.rank')}</TableCell>
            <TableCell>{translate('assessment.table.unit')}</TableCell>
            <TableCell>{translate('assessment.table.score')}</TableCell>
            {track.indicators.map((i) => (
              <TableCell key={i.code}>
                {translate('assessment.weighted', { label: pickText(i.label), weight: i.weight })}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.unitId} data-testid="preview-row">
              <TableCell>{r.rank}</TableCell>
              <TableCell>{r.name}</TableCell>
              <TableCell>{formatScore(r.scoreCenti)}</TableCell>
              {track.indicators.map((i) => {
                const s = r.indicators.find((x) => x.code === i.code);
                return (
                  <TableCell key={i.code} title={s ? pickText(s.explanation) : undefined}>
                    {s && s.applicable && s.value !== null
                      ? formatIndicatorValue(i.valueKind, s.value)
                      : '—'}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/**
 * 考核预览 — the quarter running (or any quarter) scored with its year's scheme as of today:
 * every unit's value of every indicator, nothing stored, no yellow card. Where a unit stands
 * before the quarter closes, and what the indicators added to the scheme measure already.
 */
export default function PreviewPage() {
  const translate = useTranslate();
  const calls = useCalls();
  const [quarter, setQuarter] = useState(runningQuarter());
  const [year, setYear] = useState(String(quarter.year));
  const t = (k: string) => translate(`assessment.preview.${k}`);
  const { data, error, loading } = useApi(
    () => calls.assessmentPreview(quarter.year, quarter.quarter),
    [calls, quarter.year, quarter.quarter],
  );
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="assessment.preview.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('hint')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, mb: 2 }}>
          <TextField
            size="small"
            type="number"
            name="year"
            label={t('year')}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            onBlur={() => /^\d{4}$/.test(year) && setQuarter({ ...quarter, year: Number(year) })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && /^\d{4}$/.test(year))
                setQuarter({ ...quarter, year: Number(year) });
            }}
            sx={{ width: 120 }}
          />
          <TextField
            select
            size="small"
            name="quarter"
            label={t('quarter')}
            value={quarter.quarter}
            onChange={(e) => setQuarter({ ...quarter, quarter: Number(e.target.value) })}
            sx={{ width: 160 }}
          >
            {[1, 2, 3, 4].map((q) => (
              <MenuItem key={q} value={q}>
                {translate('assessment.preview.quarter_n', { n: q })}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        {loading && <Spinner />}
        {!loading && error ? (
          <Alert severity="warning">
            {pick(problemOf(error)?.message) || translate('ra.notification.http_error')}
          </Alert>
        ) : null}
        {!loading && data ? (
          <Box data-testid="assessment-preview">
            <Typography variant="caption" color="text.secondary">
              {translate('assessment.preview.computed', { at: formatDateTime(data.computedAt) })}
              {data.view
                ? ` · ${translate('assessment.preview.view', {
                    applied: data.view.appliedPosition,
                    of: data.view.registryPosition,
                  })}`
                : ''}
            </Typography>
            {data.tracks.map((tr) => (
              <TrackTable key={tr.kind} track={tr} results={data.results} />
            ))}
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
}
