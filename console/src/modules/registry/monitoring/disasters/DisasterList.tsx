import Typography from '@mui/material/Typography';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import {
  AreaField,
  DateTimeField,
  DayField,
  EnumField,
  YuanField,
} from '../../../../common/fields';
import { formatCount } from '../../../../common/format';
import { AreaInput, EnumInput } from '../../../../common/inputs';
import { DISASTER_KINDS } from '../codes';
import type { Disaster } from '../monitoring.api';

const filters = [
  <EnumInput key="kind" source="kind" name="DisasterKind" codes={DISASTER_KINDS} alwaysOn />,
  <AreaInput key="areaCode" source="areaCode" level="village" alwaysOn />,
];

/** 受灾农户: 全村, or how many households were named. */
function HouseholdsHit() {
  const translate = useTranslate();
  const d = useRecordContext<Disaster>();
  if (!d) return null;
  return (
    <Typography component="span" variant="body2">
      {d.householdIds.length
        ? translate('app.common.count_households', { count: formatCount(d.householdIds.length) })
        : translate('resources.monitoring-disasters.whole_village')}
    </Typography>
  );
}

/** 灾情登记 — disasters recorded in the user's area, the latest first. */
export default function DisasterList() {
  return (
    <List
      sort={{ field: 'day', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
      empty={false}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="day">
          <DayField source="day" />
        </DataTable.Col>
        <DataTable.Col source="kind" disableSort>
          <EnumField source="kind" name="DisasterKind" />
        </DataTable.Col>
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="householdIds" disableSort>
          <HouseholdsHit />
        </DataTable.Col>
        <DataTable.Col source="lossesFen" align="right" disableSort>
          <YuanField source="lossesFen" />
        </DataTable.Col>
        <DataTable.Col source="description" disableSort>
          <TextField source="description" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col
          source="recordedBy.name"
          label="resources.monitoring-disasters.fields.recordedBy"
          disableSort
        />
        <DataTable.Col source="recordedAt">
          <DateTimeField source="recordedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
