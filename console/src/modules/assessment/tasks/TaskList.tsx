import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberField,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { pick } from '../../../providers/problem';
import { TASK_STATES, type Task } from './task.api';
import { TaskImportButton, TaskTemplateButton } from './TaskActions';

const filters = [
  <EnumInput key="state" source="state" name="TaskState" codes={TASK_STATES} alwaysOn />,
  <TextInput key="ownerUnit" source="ownerUnit" alwaysOn />,
  <AreaInput key="areaCode" source="areaCode" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <TaskImportButton />
    <TaskTemplateButton />
  </TopToolbar>
);

/** Why a task is at risk or overdue, as the service says on the day. */
export function StandingReasons({ empty }: { empty?: string }) {
  const t = useRecordContext<Task>();
  if (!t?.standing.reasons.length) return empty ? <span>{empty}</span> : null;
  return <span>{t.standing.reasons.map((r) => pick(r)).join('；')}</span>;
}

/** 倒排工期 — the county's schedule, earliest deadline first; a state filter shows what is late. */
export default function TaskList() {
  return (
    <List
      sort={{ field: 'dueOn', order: 'ASC' }}
      filters={filters}
      actions={<Actions />}
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="title" disableSort>
          <TextField source="title" />
        </DataTable.Col>
        <DataTable.Col source="ownerUnit" />
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="dueOn">
          <DayField source="dueOn" />
        </DataTable.Col>
        <DataTable.Col source="progressPercent" align="right">
          <NumberField source="progressPercent" options={{ style: 'unit', unit: 'percent' }} />
        </DataTable.Col>
        <DataTable.Col source="standing.state" disableSort>
          <EnumField source="standing.state" name="TaskState" chip />
        </DataTable.Col>
        <DataTable.Col source="standing.reasons" disableSort>
          <StandingReasons />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
