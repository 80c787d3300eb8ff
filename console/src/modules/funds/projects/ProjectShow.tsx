import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  EditButton,
  Labeled,
  NumberField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField, YuanField } from '../../../common/fields';
import { formatDateTime, formatDay, formatYuan } from '../../../common/format';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { useCalls } from '../../calls';
import { FIVE_SYSTEMS, SOURCES } from '../codes';
import type { Project } from '../funds.api';
import { ProjectNotices } from './ProjectNotices';
import { ProjectProgress } from './ProjectProgress';
import { ProjectSteps } from './ProjectSteps';

function Investment() {
  const translate = useTranslate();
  const p = useRecordContext<Project>();
  const planned = (p?.plannedInvestment ?? {}) as Record<string, number | undefined>;
  return (
    <Labeled label="resources.projects.sections.investment">
      <Table size="small" sx={{ maxWidth: 480 }}>
        <TableBody>
          {SOURCES.filter((s) => typeof planned[s] === 'number').map((s) => (
            <TableRow key={s}>
              <TableCell>{translate(`enums.FundingSource.${s}`)}</TableCell>
              <TableCell align="right">{formatYuan(planned[s])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function FiveSystems() {
  const translate = useTranslate();
  const p = useRecordContext<Project>();
  const f = (p?.fiveSystems ?? {}) as Record<string, { inPlace: boolean; note?: string | null }>;
  return (
    <Labeled label="resources.projects.sections.five_systems">
      <Table size="small" sx={{ maxWidth: 640 }}>
        <TableBody>
          {FIVE_SYSTEMS.map((k) => (
            <TableRow key={k}>
              <TableCell>{translate(`resources.projects.fields.fiveSystems.${k}`)}</TableCell>
              <TableCell sx={{ color: f[k]?.inPlace ? undefined : 'error.main' }}>
                {translate(f[k]?.inPlace ? 'ra.boolean.true' : 'ra.boolean.false')}
              </TableCell>
              <TableCell>{f[k]?.note ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

const MONEY = ['allocatedFen', 'reservedFen', 'disbursedFen', 'availableFen'] as const;

function Money() {
  const translate = useTranslate();
  const p = useRecordContext<Project>();
  if (!p) return null;
  const funding = (p.funding ?? {}) as Record<string, Project['money'] | undefined>;
  const m = (k: string) => translate(`resources.projects.fields.money.${k}`);
  return (
    <>
      <Typography variant="subtitle2">{translate('resources.projects.money_by_source')}</Typography>
      <Table size="small" data-testid="project-money">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.projects.source')}</TableCell>
            {MONEY.map((k) => (
              <TableCell key={k} align="right">
                {m(k)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {SOURCES.filter((s) => funding[s]).map((s) => (
            <TableRow key={s}>
              <TableCell>{translate(`enums.FundingSource.${s}`)}</TableCell>
              {MONEY.map((k) => (
                <TableCell key={k} align="right">
                  {formatYuan(funding[s]?.[k])}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow>
            <TableCell>—</TableCell>
            {MONEY.map((k) => (
              <TableCell key={k} align="right">
                <strong>{formatYuan(p.money[k])}</strong>
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('resources.projects.allocations')}
      </Typography>
      <Table size="small">
        <TableBody>
          {(p.allocations ?? []).map((a) => (
            <TableRow key={a.id}>
              <TableCell>{formatDay(a.on ?? '')}</TableCell>
              <TableCell>{a.documentNo ?? '—'}</TableCell>
              <TableCell>{a.source ? translate(`enums.FundingSource.${a.source}`) : '—'}</TableCell>
              <TableCell align="right">{formatYuan(a.amountFen)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function History() {
  const calls = useCalls();
  const translate = useTranslate();
  const p = useRecordContext<Project>();
  const { data, loading } = useApi(p ? () => calls.fundsProjectHistory(p.id) : null, [
    p?.id,
    p?.revision,
  ]);
  if (loading) return <Spinner />;
  if (!data?.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.projects.no_history')}
      </Typography>
    );
  const status = (s: string | null | undefined) =>
    s ? translate(`enums.ProjectStatus.${s}`, { _: s }) : '';
  return (
    <Table size="small">
      <TableBody>
        {[...data].reverse().map((h, i) => (
          <TableRow key={i}>
            <TableCell>{formatDateTime(h.at)}</TableCell>
            <TableCell>{h.actorName ?? '—'}</TableCell>
            <TableCell>
              {translate(`enums.ProjectHistoryAction.${h.action ?? ''}`, { _: '—' })}
            </TableCell>
            <TableCell>{h.to ? `${status(h.from)} → ${status(h.to)}` : ''}</TableCell>
            <TableCell>{h.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default function ProjectShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.projects.tabs.facts">
          <TextField source="code" />
          <TextField source="name" />
          <EnumField source="type" name="ProjectType" />
          <TextField source="year" />
          <AreaField source="areaCode" />
          <TextField source="location" emptyText="—" />
          <TextField source="contractor" emptyText="—" />
          <TextField source="responsible" emptyText="—" />
          <EnumField source="status" name="ProjectStatus" chip />
          <YuanField source="plannedTotalFen" />
          <Investment />
          <NumberField source="beneficiaries.households" />
          <NumberField source="beneficiaries.people" />
          <NumberField source="beneficiaries.poorHouseholds" emptyText="—" />
          <FiveSystems />
          <DayField source="dates.proposedOn" label="resources.projects.fields.proposedOn" />
          <DayField source="plannedStartOn" />
          <DayField source="plannedFinishOn" />
          <DateTimeField source="updatedAt" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.projects.tabs.steps" path="steps">
          <ProjectSteps />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.projects.tabs.notices" path="notices">
          <ProjectNotices />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.projects.tabs.progress" path="progress">
          <ProjectProgress />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.projects.tabs.money" path="money">
          <Money />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.projects.tabs.history" path="history">
          <History />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
