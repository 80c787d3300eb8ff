import Chip from '@mui/material/Chip';
import {
  DataTable,
  FilterButton,
  FunctionField,
  List,
  BooleanInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import type { Rectification } from './inspections.api';

export const RECTIFICATION_STATUSES = ['rectifying', 'awaiting_review', 'closed', 'returned'];

const filters = [
  <EnumInput
    key="status"
    source="status"
    name="RectificationStatus"
    codes={RECTIFICATION_STATUSES}
    alwaysOn
  />,
  <BooleanInput key="overdue" source="overdue" alwaysOn />,
  <AreaInput key="areaCode" source="areaCode" />,
];

/** 整改状态 with 逾期 in red when past the deadline and not closed. */
export function RectificationStatusField() {
  const translate = useTranslate();
  return (
    <FunctionField<Rectification>
      render={(r) => (
        <span style={{ display: 'inline-flex', gap: 4 }}>
          <Chip size="small" label={translate(`enums.RectificationStatus.${r.status}`)} />
          {r.overdue ? (
            <Chip
              size="small"
              color="error"
              label={translate('assessment.rectifications.overdue')}
            />
          ) : null}
        </span>
      )}
    />
  );
}

/** 整改通知 — the orders of the caller's areas, the nearest deadline first. */
export default function RectificationList() {
  return (
    <List
      sort={{ field: 'deadline', order: 'ASC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="check" disableSort>
          <EnumField source="check" name="InspectionCheck" />
        </DataTable.Col>
        <DataTable.Col source="findingText" disableSort />
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="unit" disableSort>
          <TextField source="unit.name" />
        </DataTable.Col>
        <DataTable.Col source="issuedOn">
          <DayField source="issuedOn" />
        </DataTable.Col>
        <DataTable.Col source="deadline">
          <DayField source="deadline" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <RectificationStatusField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
