import AddTaskIcon from '@mui/icons-material/AddTask';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  DataTable,
  DateInput,
  EditButton,
  Labeled,
  NumberInput,
  TabbedShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  maxValue,
  minValue,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import {
  AreaField,
  DateTimeField,
  EnumArrayField,
  EnumField,
  EnumLabel,
} from '../../../common/fields';
import { formatDateTime, formatDay, formatYuan } from '../../../common/format';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { useCalls } from '../../calls';
import type { Plan } from '../assistance.api';

function Causes({ path, title }: { path: 'causes' | 'currentCauses'; title: string }) {
  return (
    <Labeled label={title}>
      <span>
        <EnumField source={`${path}.mainCause`} name="PovertyCause" />{' '}
        <EnumArrayField source={`${path}.otherCauses`} name="PovertyCause" />
      </span>
    </Labeled>
  );
}

function Targets() {
  const translate = useTranslate();
  const plan = useRecordContext<Plan>();
  const t = (f: string) => translate(`resources.plans.fields.target.${f}`);
  if (!plan) return null;
  return (
    <Labeled label="resources.plans.fields.targets">
      <Table size="small">
        <TableHead>
          <TableRow>
            {['year', 'perCapitaIncomeFen', 'guarantees', 'exit', 'note'].map((f) => (
              <TableCell key={f}>{t(f)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {plan.targets.map((x) => (
            <TableRow key={x.year}>
              <TableCell>{x.year}</TableCell>
              <TableCell>{formatYuan(x.perCapitaIncomeFen)}</TableCell>
              <TableCell>
                {(x.guarantees ?? []).map((g) => (
                  <span key={g} style={{ marginRight: 8 }}>
                    <EnumLabel name="Guarantee" code={g} />
                  </span>
                ))}
              </TableCell>
              <TableCell>{translate(x.exit ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
              <TableCell>{x.note ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Progress() {
  const translate = useTranslate();
  const plan = useRecordContext<Plan>();
  const { canAccess } = useCanAccess({ resource: 'plans', action: 'edit' });
  const calls = useCalls();
  if (!plan) return null;
  return (
    <>
      <LinearProgress
        variant="determinate"
        value={plan.progressPercent}
        sx={{ height: 10, borderRadius: 1, my: 1, maxWidth: 480 }}
      />
      <Typography variant="body2">{plan.progressPercent}%</Typography>
      {canAccess ? (
        <FormDialogButton
          label="resources.plans.add_progress"
          title="resources.plans.progress_title"
          icon={<AddTaskIcon />}
          record={{ percent: plan.progressPercent }}
          done="resources.plans.progress_saved"
          alwaysEnable
          onSubmit={(v) =>
            calls.assistanceAddProgress(plan.householdId, {
              percent: Number(v.percent),
              note: String(v.note ?? '').trim(),
              ...(typeof v.date === 'string' && v.date ? { date: v.date } : {}),
              revision: plan.revision,
            })
          }
        >
          <NumberInput
            source="percent"
            label="resources.plans.progress_percent"
            validate={[required(), minValue(0), maxValue(100)]}
          />
          <DateInput source="date" label="resources.plans.progress_date" />
          <TextInput
            source="note"
            label="resources.plans.progress_note"
            multiline
            fullWidth
            validate={[required(), maxLength(2000)]}
          />
        </FormDialogButton>
      ) : null}
      {(plan.progress ?? []).length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.plans.no_progress')}
        </Typography>
      ) : (
        <Table size="small">
          <TableBody>
            {[...(plan.progress ?? [])].reverse().map((p, i) => (
              <TableRow key={i}>
                <TableCell>{formatDay(p.date ?? p.at)}</TableCell>
                <TableCell>{p.percent}%</TableCell>
                <TableCell>{p.note}</TableCell>
                <TableCell>{p.actorName ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function History() {
  const calls = useCalls();
  const translate = useTranslate();
  const plan = useRecordContext<Plan>();
  const { data, loading } = useApi(
    plan ? () => calls.assistancePlanHistory(plan.householdId) : null,
    [plan?.householdId, plan?.revision],
  );
  if (loading) return <Spinner />;
  if (!data || data.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.plans.no_history')}
      </Typography>
    );
  return (
    <Table size="small">
      <TableBody>
        {[...data].reverse().map((v) => (
          <TableRow key={`${v.revision}-${v.at}`}>
            <TableCell>{translate('resources.plans.version', { revision: v.revision })}</TableCell>
            <TableCell>{formatDateTime(v.at)}</TableCell>
            <TableCell>
              <EnumLabel name="PlanChange" code={v.action} />
            </TableCell>
            <TableCell>{v.actorName ?? '—'}</TableCell>
            <TableCell>{v.summary ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Measures() {
  const plan = useRecordContext<Plan>();
  if (!plan) return null;
  return (
    <DataTable
      data={plan.measures}
      resource="measures"
      rowClick={(id) => `/measures/${String(id)}/show`}
      bulkActionButtons={false}
    >
      <DataTable.Col source="category">
        <EnumField source="category" name="MeasureCategory" />
      </DataTable.Col>
      <DataTable.Col source="type" />
      <DataTable.Col source="status">
        <EnumField source="status" name="MeasureStatus" chip />
      </DataTable.Col>
    </DataTable>
  );
}

export default function PlanShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.plans.tabs.plan">
          <TextField source="householdNo" />
          <AreaField source="areaCode" />
          <Causes path="causes" title="resources.plans.causes_at_save" />
          <Causes path="currentCauses" title="resources.plans.causes_now" />
          <TextField source="summary" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
          <Targets />
          <DateTimeField source="updatedAt" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.progress" path="progress">
          <Progress />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.measures" path="measures">
          <Measures />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.history" path="history">
          <History />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
