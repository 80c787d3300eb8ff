import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { DownloadButton } from '../../../common/DownloadButton';
import { SectionHeading } from '../../../common/SectionHeading';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { LIST_TYPES } from '../codes';
import type { RuleQuality } from '../matching.api';
import { useQualityLines } from './quality-lines';
import { QualityTable } from './QualityTable';

/** The filters as typed; an empty one is left to the service (its default period, every type). */
interface QualityFilter {
  from: string;
  to: string;
  listType: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query of a filter: its complete days and its list type. */
function queryOf(f: QualityFilter): string {
  const q = new URLSearchParams();
  if (DAY.test(f.from)) q.set('from', f.from);
  if (DAY.test(f.to)) q.set('to', f.to);
  if (f.listType) q.set('listType', f.listType);
  return q.toString();
}

/** The period and list type; the period shown is the one answered until the user types one. */
function QualityFilters({
  filter,
  answered,
  onChange,
}: {
  filter: QualityFilter;
  answered: RuleQuality | undefined;
  onChange: (f: QualityFilter) => void;
}) {
  const translate = useTranslate();
  const t = (k: string) => translate(`matching.quality.${k}`);
  const day = (key: 'from' | 'to') => (
    <TextField
      size="small"
      type="date"
      fullWidth={false}
      sx={{ minWidth: 180 }}
      name={key}
      label={t(key)}
      value={filter[key] || answered?.[key] || ''}
      onChange={(e) => onChange({ ...filter, [key]: e.target.value })}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
  return (
    <>
      {day('from')}
      {day('to')}
      <TextField
        select
        size="small"
        fullWidth={false}
        name="listType"
        label={t('list_type')}
        value={filter.listType}
        onChange={(e) => onChange({ ...filter, listType: e.target.value })}
        sx={{ minWidth: 280 }}
        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
      >
        <MenuItem value="">{t('all_types')}</MenuItem>
        {LIST_TYPES.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`enums.MatchingListType.${c}`)}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
}

/** The three tables of an answer: by rule (with the total), by list type, by list. */
function QualityFigures({ data }: { data: RuleQuality }) {
  const translate = useTranslate();
  const calls = useCalls();
  const rules = useApi(calls.matchingRules, []);
  const lines = useQualityLines(data, rules.data);
  if (data.byRule.length === 0)
    return <Alert severity="info">{translate('matching.quality.none')}</Alert>;
  return (
    <>
      <SectionHeading label="matching.quality.by_rule" />
      <QualityTable
        testId="quality-by-rule"
        heads={['rule', 'list_type', 'department']}
        lines={lines.byRule}
        total={data.totals}
      />
      {lines.byListType.length ? (
        <>
          <SectionHeading label="matching.quality.by_list_type" />
          <QualityTable
            testId="quality-by-list-type"
            heads={['list_type', 'department']}
            lines={lines.byListType}
          />
        </>
      ) : null}
      {lines.byList.length ? (
        <>
          <SectionHeading label="matching.quality.by_list" />
          <QualityTable
            testId="quality-by-list"
            heads={['list', 'department']}
            lines={lines.byList}
          />
        </>
      ) : null}
    </>
  );
}

/**
 * 规则质量 — of the findings verified in a period (by default the service's: the last twelve
 * months), per rule, list type and list how many were confirmed, corrected or dismissed (by
 * reason), pending and overdue at its end, and the confirmation rate; each by month. A
 * department sees its own list types only (the service narrows it).
 */
export default function QualityPage() {
  const translate = useTranslate();
  const calls = useCalls();
  const [filter, setFilter] = useState<QualityFilter>({ from: '', to: '', listType: '' });
  const query = queryOf(filter);
  const quality = useApi(() => calls.matchingRuleQuality(new URLSearchParams(query)), [query]);
  const t = (k: string, o?: object) => translate(`matching.quality.${k}`, o);
  const problem = quality.error ? problemOf(quality.error) : null;
  const data = quality.data;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="matching.quality.title" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 960 }}>
          {t('hint')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <QualityFilters filter={filter} answered={data} onChange={setFilter} />
          <DownloadButton
            needs={{ module: 'matching', right: 'export' }}
            label="matching.quality.export"
            variant="outlined"
            download={() => calls.matchingRuleQualityExport(new URLSearchParams(query))}
          />
        </Box>
        {quality.error ? (
          <Alert severity="error" role="alert" sx={{ my: 1 }}>
            {problem ? pick(problem.message) : translate('ra.notification.http_error')}
          </Alert>
        ) : null}
        {data ? (
          <Box data-testid="quality-figures">
            <Typography variant="body2" sx={{ my: 1 }} data-testid="quality-period">
              {t('period', { from: data.from, to: data.to })}
            </Typography>
            <QualityFigures data={data} />
          </Box>
        ) : quality.loading ? (
          <Spinner />
        ) : null}
      </CardContent>
    </Card>
  );
}
