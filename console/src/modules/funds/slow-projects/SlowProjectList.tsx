import { DataTable, List, NumberField, TextField } from 'react-admin';
import { AreaField, DayField, EnumField, YuanField } from '../../../common/fields';

/** A row opens its project (the slow list is a view of projects, not records of its own). */
const toProject = (id: string | number) => `/projects/${encodeURIComponent(String(id))}/show`;

/**
 * 进展缓慢 — projects under way whose reported progress is behind the plan by more than the
 * threshold (reference data), most behind first; listed like 资金趴账.
 */
export default function SlowProjectList() {
  return (
    <List sort={{ field: 'behindPoints', order: 'DESC' }} empty={false} exporter={false}>
      <DataTable rowClick={toProject} bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="type" disableSort>
          <EnumField source="type" name="ProjectType" />
        </DataTable.Col>
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="plannedTotalFen" align="right" disableSort>
          <YuanField source="plannedTotalFen" />
        </DataTable.Col>
        <DataTable.Col source="plannedStartOn" disableSort>
          <DayField source="plannedStartOn" />
        </DataTable.Col>
        <DataTable.Col source="plannedFinishOn">
          <DayField source="plannedFinishOn" />
        </DataTable.Col>
        <DataTable.Col source="plannedPercent" align="right" disableSort>
          <NumberField source="plannedPercent" />
        </DataTable.Col>
        <DataTable.Col source="reportedPercent" align="right" disableSort>
          <NumberField source="reportedPercent" />
        </DataTable.Col>
        <DataTable.Col source="behindPoints" align="right">
          <NumberField source="behindPoints" />
        </DataTable.Col>
        <DataTable.Col source="lastReportedOn" disableSort>
          <DayField source="lastReportedOn" />
        </DataTable.Col>
        <DataTable.Col source="thresholdPoints" align="right" disableSort>
          <TextField source="thresholdPoints" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
