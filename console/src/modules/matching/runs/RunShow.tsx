import ListIcon from '@mui/icons-material/List';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  Button,
  Labeled,
  type RaRecord,
  RecordContextProvider,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { Link } from 'react-router';
import { AreaField, DateTimeField, EnumField, EnumLabel } from '../../../common/fields';
import { SectionHeading } from '../../../common/SectionHeading';
import { formatCount, formatDay } from '../../../common/format';
import { pick } from '../../../providers/problem';
import { isRunFinished } from '../codes';
import type { MatchingRun } from '../matching.api';
import { RunProgress } from './RunProgress';

const findingsOf = (filter: Record<string, unknown>) =>
  `/matching-findings?filter=${encodeURIComponent(JSON.stringify(filter))}`;

function Progress() {
  const translate = useTranslate();
  const run = useRecordContext<MatchingRun>();
  if (!run) return null;
  return (
    <Box>
      <RunProgress run={run} />
      {run.status === 'failed' && run.error?.message ? (
        <Alert severity="error">
          {translate('resources.matching-runs.failed', { message: pick(run.error.message) })}
        </Alert>
      ) : null}
      {!isRunFinished(run.status) ? (
        <Typography variant="caption" color="text.secondary">
          {translate('resources.matching-runs.leave_hint')}
        </Typography>
      ) : null}
    </Box>
  );
}

function RunLists() {
  const translate = useTranslate();
  const run = useRecordContext<MatchingRun>();
  if (!run || run.lists.length === 0) return null;
  const f = (k: string) => translate(`resources.matching-runs.list_fields.${k}`);
  return (
    <Box>
      <SectionHeading label="resources.matching-runs.sections.lists" />
      <Table size="small">
        <TableHead>
          <TableRow>
            {['type', 'version', 'date', 'areaCode', 'rows'].map((k) => (
              <TableCell key={k}>{f(k)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {run.lists.map((l) => (
            <TableRow key={l.listId}>
              <TableCell>
                <Link to={`/department-lists/${encodeURIComponent(l.listId)}/show`}>
                  <EnumLabel name="MatchingListType" code={l.type} />
                </Link>
              </TableCell>
              <TableCell>{l.version}</TableCell>
              <TableCell>{formatDay(l.date)}</TableCell>
              <TableCell>
                <RecordContextProvider value={l}>
                  <AreaField source="areaCode" />
                </RecordContextProvider>
              </TableCell>
              <TableCell>{formatCount(l.rows)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** What the run found: new, reconfirmed and reopened findings, per rule, each opening the findings list. */
function Summary() {
  const translate = useTranslate();
  const run = useRecordContext<MatchingRun>();
  if (!run || run.status !== 'completed' || !run.summary) return null;
  const s = run.summary;
  const byRule = Object.entries(s.byRule ?? {}).filter(([, n]) => n > 0);
  return (
    <Box data-testid="run-summary">
      <SectionHeading label="resources.matching-runs.sections.summary" />
      <Box sx={{ display: 'flex', gap: 4, my: 1 }}>
        {(['found', 'created', 'reconfirmed', 'reopened'] as const).map((k) => (
          <Box key={k}>
            <Typography variant="caption" color="text.secondary">
              {translate(`resources.matching-runs.summary.${k}`)}
            </Typography>
            <Typography variant="h6">{formatCount(s[k] ?? 0)}</Typography>
          </Box>
        ))}
      </Box>
      {byRule.length > 0 ? (
        <Table size="small" sx={{ maxWidth: 560 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.matching-findings.fields.rule')}</TableCell>
              <TableCell align="right">
                {translate('resources.matching-runs.summary.count')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {byRule.map(([rule, n]) => (
              <TableRow key={rule}>
                <TableCell>
                  <Link to={findingsOf({ runId: run.id, rule })}>
                    <EnumLabel name="MatchingRule" code={rule} />
                  </Link>
                </TableCell>
                <TableCell align="right">{formatCount(n)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Alert severity="success">{translate('resources.matching-runs.summary.none')}</Alert>
      )}
    </Box>
  );
}

function FindingsButton() {
  const run = useRecordContext<MatchingRun>();
  if (!run || run.status !== 'completed') return null;
  return (
    <Button
      component={Link}
      to={findingsOf({ runId: run.id })}
      label="resources.matching-runs.see_findings"
    >
      <ListIcon />
    </Button>
  );
}

/**
 * 比对进度 — refreshed every second while the run is queued or running, so it can be left and
 * opened again from the run list at any time; once complete, what it found.
 */
export default function RunShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <FindingsButton />
        </TopToolbar>
      }
      queryOptions={{
        refetchInterval: (query: { state: { data?: RaRecord } }) =>
          isRunFinished(query.state.data?.status) ? false : 1000,
      }}
    >
      <SimpleShowLayout>
        <Progress />
        <EnumField source="status" name="MatchingRunStatus" chip />
        <EnumField source="scope" name="MatchingRunScope" />
        <TextField source="startedBy.name" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="finishedAt" />
        <PeopleCounts />
        <RunLists />
        <Summary />
      </SimpleShowLayout>
    </Show>
  );
}

/**
 * The people the run matched against next to the registry's count when it was started (the
 * start waited until the person index had every registry change, so once the index is read
 * they are the same unless the registry changed in between).
 */
function PeopleCounts() {
  const run = useRecordContext<MatchingRun>();
  if (!run) return null;
  const registry = run.view?.registryPeople;
  const differs =
    run.status === 'completed' &&
    registry !== null &&
    registry !== undefined &&
    registry !== run.progress.people;
  return (
    <Box sx={{ display: 'flex', gap: 4 }} data-testid="run-people">
      <Labeled source="progress.people">
        <span>{formatCount(run.progress.people)}</span>
      </Labeled>
      <Labeled source="view.registryPeople">
        <Typography variant="body2" color={differs ? 'warning.main' : 'inherit'}>
          {registry === null || registry === undefined ? '—' : formatCount(registry)}
        </Typography>
      </Labeled>
    </Box>
  );
}
