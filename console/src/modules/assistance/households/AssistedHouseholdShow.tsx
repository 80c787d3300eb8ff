import AddIcon from '@mui/icons-material/Add';
import AssignmentIcon from '@mui/icons-material/Assignment';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import HandshakeIcon from '@mui/icons-material/Handshake';
import {
  Button,
  DataTable,
  ReferenceManyField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { Link } from 'react-router';
import {
  AreaField,
  DayField,
  EnumArrayField,
  EnumField,
  YesNoField,
  YuanField,
} from '../../../common/fields';
import type { AssistedHousehold } from '../assistance.api';

const prefill = (resource: string, id: string) =>
  `/${resource}/create?source=${encodeURIComponent(JSON.stringify({ householdId: id }))}`;

/** Links to record what is done for this household: a visit, a measure, a pairing, its plan. */
function Actions() {
  const h = useRecordContext<AssistedHousehold>();
  const { canAccess } = useCanAccess({ resource: 'visits', action: 'create' });
  if (!h) return <TopToolbar />;
  return (
    <TopToolbar>
      <Button
        component={Link}
        to={`/plans/${h.id}/show`}
        label="resources.assistance-households.plan"
      >
        <AssignmentIcon />
      </Button>
      {canAccess ? (
        <>
          <Button
            component={Link}
            to={prefill('pairings', h.id)}
            label="resources.assistance-households.pair"
          >
            <HandshakeIcon />
          </Button>
          <Button
            component={Link}
            to={prefill('measures', h.id)}
            label="resources.assistance-households.add_measure"
          >
            <AddIcon />
          </Button>
          <Button
            component={Link}
            to={prefill('visits', h.id)}
            label="resources.assistance-households.record_visit"
          >
            <DirectionsWalkIcon />
          </Button>
        </>
      ) : null}
    </TopToolbar>
  );
}

function Rows({ field, resource }: { field: 'pairings' | 'measures'; resource: string }) {
  const h = useRecordContext<AssistedHousehold>();
  if (!h) return null;
  const data = (h[field] ?? []) as { id: string }[];
  return (
    <DataTable
      data={data}
      total={data.length}
      resource={resource}
      rowClick={(id) => `/${resource}/${String(id)}/show`}
      bulkActionButtons={false}
    >
      {field === 'pairings' ? (
        <>
          <DataTable.Col source="helperName" />
          <DataTable.Col source="helperUnit" />
          <DataTable.Col source="role">
            <EnumField source="role" name="PairingRole" />
          </DataTable.Col>
          <DataTable.Col source="startDate">
            <DayField source="startDate" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <EnumField source="status" name="PairingStatus" chip />
          </DataTable.Col>
        </>
      ) : (
        <>
          <DataTable.Col source="category">
            <EnumField source="category" name="MeasureCategory" />
          </DataTable.Col>
          <DataTable.Col source="type" />
          <DataTable.Col source="amountFen">
            <YuanField source="amountFen" />
          </DataTable.Col>
          <DataTable.Col source="status">
            <EnumField source="status" name="MeasureStatus" chip />
          </DataTable.Col>
        </>
      )}
    </DataTable>
  );
}

/** The household's visits, newest first (the detail carries only their count). */
const Visits = () => (
  <ReferenceManyField
    reference="visits"
    target="householdId"
    sort={{ field: 'date', order: 'DESC' }}
    perPage={50}
    label={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="date">
        <DayField source="date" />
      </DataTable.Col>
      <DataTable.Col source="helperName" />
      <DataTable.Col source="findings" disableSort />
      <DataTable.Col source="lateEntry" disableSort>
        <YesNoField source="lateEntry" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

export default function AssistedHouseholdShow() {
  return (
    <Show actions={<Actions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.assistance-households.tabs.facts">
          <TextField source="householdNo" />
          <TextField source="headName" emptyText="—" />
          <AreaField source="areaCode" />
          <TextField source="groupNo" emptyText="—" />
          <EnumField source="status" name="HouseholdStatus" chip />
          <EnumField source="attribute" name="PovertyAttribute" />
          <EnumField source="mainCause" name="PovertyCause" />
          <EnumArrayField source="otherCauses" name="PovertyCause" />
          <TextField source="size" />
          <YuanField source="perCapitaIncomeFen" />
          <EnumField source="housingGrade" name="HousingSafetyGrade" />
          <DayField source="lastVisitDate" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.assistance-households.tabs.pairings" path="pairings">
          <Rows field="pairings" resource="pairings" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.assistance-households.tabs.measures" path="measures">
          <Rows field="measures" resource="measures" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.assistance-households.tabs.visits" path="visits">
          <Visits />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
