import {
  DataTable,
  List,
  NumberInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { type AccountabilityCase, CASE_STATUSES } from './accountability.api';

const filters = [
  <EnumInput
    key="status"
    source="status"
    name="AccountabilityCaseStatus"
    codes={CASE_STATUSES}
    alwaysOn
  />,
  <NumberInput key="year" source="year" alwaysOn />,
  <NumberInput key="quarter" source="quarter" min={1} max={4} />,
];

/** `2019年第2季度`. */
export function CaseQuarter() {
  const translate = useTranslate();
  const c = useRecordContext<AccountabilityCase>();
  if (!c) return null;
  return <span>{translate('assessment.cases.quarter', { year: c.year, quarter: c.quarter })}</span>;
}

/** 问责案件 — newest first, by status; a row opens the case. */
export default function CaseList() {
  return (
    <List sort={{ field: 'openedAt', order: 'DESC' }} filters={filters}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="quarterKey">
          <CaseQuarter />
        </DataTable.Col>
        <DataTable.Col source="unit.name" disableSort>
          <TextField source="unit.name" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="AccountabilityCaseStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="decision.kind" disableSort>
          <EnumField source="decision.kind" name="AccountabilityDecisionKind" />
        </DataTable.Col>
        <DataTable.Col source="openedAt">
          <DateTimeField source="openedAt" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
