import Chip from '@mui/material/Chip';
import {
  CreateButton,
  DataTable,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import type { Complaint } from './complaints.api';

const filters = [
  <EnumInput key="status" source="status" name="ComplaintStatus" alwaysOn />,
  <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
  <EnumInput key="channel" source="channel" name="ComplaintChannel" />,
  <EnumInput key="subject" source="subject" name="ComplaintSubject" />,
  <AreaInput key="area" source="area" />,
];

/** 办理状态, with 逾期 in red when not answered by the due day. */
export function ComplaintStatusField() {
  const translate = useTranslate();
  return (
    <FunctionField<Complaint>
      render={(c) => (
        <span style={{ display: 'inline-flex', gap: 4 }}>
          <Chip size="small" label={translate(`enums.ComplaintStatus.${c.status}`)} />
          {c.overdue ? (
            <Chip size="small" color="error" label={translate('assessment.complaints.overdue')} />
          ) : null}
        </span>
      )}
    />
  );
}

/** 信访件 — the complaints of the caller's areas, the latest received first. */
export default function ComplaintList() {
  return (
    <List
      sort={{ field: 'receivedOn', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="complaintNo" />
        <DataTable.Col source="receivedOn">
          <DayField source="receivedOn" />
        </DataTable.Col>
        <DataTable.Col source="channel" disableSort>
          <EnumField source="channel" name="ComplaintChannel" />
        </DataTable.Col>
        <DataTable.Col source="subject" disableSort>
          <EnumField source="subject" name="ComplaintSubject" />
        </DataTable.Col>
        <DataTable.Col source="complainantName" disableSort />
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="unit" disableSort>
          <TextField source="unit.name" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="dueOn">
          <DayField source="dueOn" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <ComplaintStatusField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
