import { AreaName } from '../../../common/AreaName';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import MuiLink from '@mui/material/Link';
import Pagination from '@mui/material/Pagination';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { DownloadButton } from '../../../common/DownloadButton';
import { JobProgress } from '../../../common/JobProgress';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { type Column, SectionTable } from '../dossier/SectionTable';
import type { ConsistencyItem, ConsistencyRun, ItemFilter } from './consistency.api';

const PER_PAGE = 25;
const POLL_MS = 1500;
const KINDS = [
  'person_not_a_member',
  'person_name_differs',
  'plan_cause_not_in_registry',
  'registry_cause_not_in_plan',
  'main_cause_differs',
  'measure_unpaid',
  'paid_without_measure',
] as const;

const isVillage = (code: string) => !code.endsWith('000');

/** 户号, linked to the household's dossier. */
const HouseholdLink = ({ x }: { x: ConsistencyItem }) => (
  <MuiLink
    href={`/#/households/${encodeURIComponent(x.householdId)}/dossier`}
    underline="hover"
    data-testid="consistency-household"
  >
    {x.householdNo}
  </MuiLink>
);

const columns: Column<ConsistencyItem>[] = [
  {
    source: 'householdNo',
    label: 'consistency_check.columns.household',
    noWrap: true,
    render: (x) => <HouseholdLink x={x} />,
  },
  {
    source: 'areaCode',
    label: 'consistency_check.columns.village',
    noWrap: true,
    render: (x) => <AreaName code={x.areaCode} />,
  },
  {
    source: 'kind',
    label: 'consistency_check.columns.kind',
    format: { enum: 'InconsistencyKind' },
  },
  { source: 'message', label: 'consistency_check.columns.message', render: (x) => pick(x.message) },
];

/** The villages of a township run, for the items' village filter. */
function VillageFilter({
  run,
  value,
  onChange,
}: {
  run: ConsistencyRun;
  value: string;
  onChange: (v: string) => void;
}) {
  const translate = useTranslate();
  const { data } = useGetList(
    'areas',
    {
      filter: { level: 'village', parentCode: run.areaCode },
      sort: { field: 'code', order: 'ASC' },
      pagination: { page: 1, perPage: 200 },
    },
    { enabled: !isVillage(run.areaCode) },
  );
  if (isVillage(run.areaCode)) return null;
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      sx={{ width: 240 }}
      label={translate('consistency_check.filter_village')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      data-testid="consistency-filter-village"
    >
      <MenuItem value="">{translate('consistency_check.all_villages')}</MenuItem>
      {(data ?? []).map((a) => (
        <MenuItem key={String(a.id)} value={String(a.code ?? a.id)}>
          {String(a.name)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The run's inconsistencies, filtered by kind and village, a page at a time, and their export. */
function Items({ run }: { run: ConsistencyRun }) {
  const translate = useTranslate();
  const calls = useCalls();
  const [filter, setFilter] = useState<ItemFilter>({});
  const [page, setPage] = useState(0);
  const found = useApi(
    () => calls.consistencyCheckItems(run.id, filter, page, PER_PAGE),
    [run.id, run.inconsistencies, filter.kind, filter.areaCode, page],
  );
  const narrow = (f: ItemFilter) => {
    setFilter(f);
    setPage(0);
  };
  const pages = Math.ceil((found.data?.total ?? 0) / PER_PAGE);
  return (
    <Box sx={{ mt: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <TextField
          select
          size="small"
          fullWidth={false}
          sx={{ width: 300 }}
          label={translate('consistency_check.filter_kind')}
          value={filter.kind ?? ''}
          onChange={(e) =>
            narrow({ ...filter, kind: (e.target.value || undefined) as ItemFilter['kind'] })
          }
          data-testid="consistency-filter-kind"
        >
          <MenuItem value="">{translate('consistency_check.all_kinds')}</MenuItem>
          {KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`enums.InconsistencyKind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <VillageFilter
          run={run}
          value={filter.areaCode ?? ''}
          onChange={(v) => narrow({ ...filter, areaCode: v || undefined })}
        />
        <DownloadButton
          needs={{ module: 'registry', right: 'export' }}
          label="consistency_check.export"
          download={() => calls.consistencyCheckExport(run, filter)}
          variant="outlined"
          testId="consistency-export"
        />
      </Box>
      {found.loading && !found.data ? (
        <Spinner />
      ) : (
        <SectionTable rows={found.data?.items ?? []} columns={columns} testId="consistency-items" />
      )}
      {pages > 1 ? (
        <Pagination
          sx={{ mt: 1 }}
          count={pages}
          page={page + 1}
          onChange={(_, p) => setPage(p - 1)}
          getItemAriaLabel={(type, p) =>
            translate(`consistency_check.page_${type === 'page' ? 'page' : 'other'}`, { page: p })
          }
        />
      ) : null}
    </Box>
  );
}

/**
 * One run: its progress while it runs (polled), then what it found by kind, the parts it went
 * without, and the inconsistencies.
 */
export function ConsistencyRunView({ id, onFinished }: { id: string; onFinished?: () => void }) {
  const translate = useTranslate();
  const calls = useCalls();
  const found = useApi(() => calls.consistencyCheck(id), [id], {
    everyMs: POLL_MS,
    while: (r) => r.state === 'queued' || r.state === 'running',
  });
  const run = found.data;
  const finished = run?.state === 'completed' || run?.state === 'failed';
  useEffect(() => {
    if (finished) onFinished?.();
  }, [finished, onFinished]);
  if (!run) {
    if (found.loading) return <Spinner />;
    const p = problemOf(found.error);
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {p ? pick(p.message) : translate('app.error.unavailable')}
      </Alert>
    );
  }
  return (
    <Box data-testid="consistency-run" sx={{ mt: 2 }}>
      <Typography variant="body2">
        {translate('consistency_check.state', {
          state: translate(`enums.ConsistencyRunState.${run.state}`),
        })}
      </Typography>
      <JobProgress
        done={run.checked}
        total={run.households ?? null}
        status={run.state}
        unit="households"
      />
      {run.state === 'failed' ? (
        <Alert severity="error">
          {translate('consistency_check.failed', { message: pick(run.error ?? undefined) })}
        </Alert>
      ) : null}
      {run.gaps.length ? (
        <Alert severity="warning" data-testid="consistency-gaps" sx={{ mb: 1 }}>
          {translate('consistency_check.incomplete')}
          {run.gaps.map((g) => (
            <div key={`${g.part}:${g.status}`}>{pick(g.message)}</div>
          ))}
        </Alert>
      ) : null}
      {run.state === 'completed' ? (
        <>
          <Typography variant="body1" data-testid="consistency-summary">
            {run.inconsistencies
              ? translate('consistency_check.summary', {
                  households: run.households ?? 0,
                  count: run.inconsistencies,
                })
              : translate('consistency_check.all_clear')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 1 }}>
            {run.counts
              .filter((c) => c.count > 0)
              .map((c) => (
                <Chip
                  key={c.kind}
                  label={`${translate(`enums.InconsistencyKind.${c.kind}`)}：${c.count}`}
                  data-testid={`consistency-count-${c.kind}`}
                />
              ))}
          </Box>
          {run.inconsistencies ? <Items run={run} /> : null}
        </>
      ) : null}
    </Box>
  );
}
