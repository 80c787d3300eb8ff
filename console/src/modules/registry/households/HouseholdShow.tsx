import FolderSharedIcon from '@mui/icons-material/FolderShared';
import { Link } from 'react-router';
import {
  Button,
  EditButton,
  Labeled,
  SimpleShowLayout,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { HouseholdWarnings } from '../monitoring/HouseholdWarnings';
import Grid from '@mui/material/Grid';
import {
  AreaField,
  DateTimeField,
  EnumArrayField,
  EnumField,
  YesNoField,
  YuanField,
} from '../../../common/fields';
import { GuaranteesCard } from './GuaranteesCard';
import { HeadNameField } from './HeadNameField';
import { HouseholdHistoryTimeline } from './HouseholdHistoryTimeline';
import { HouseholdWorkflowSteps } from './HouseholdWorkflowSteps';
import { MemberSubList } from './MemberSubList';
import { UnmaskedRecord } from './UnmaskedRecord';

/** 一户一档 — the household's whole record across the services, on its own page. */
function DossierButton() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Button
      component={Link}
      to={`/households/${encodeURIComponent(String(record.id))}/dossier`}
      label="dossier.open"
      data-testid="household-dossier-link"
    >
      <FolderSharedIcon />
    </Button>
  );
}

const Actions = () => (
  <TopToolbar>
    <DossierButton />
    <EditButton />
  </TopToolbar>
);

function Facts() {
  return (
    <Grid container columnSpacing={4}>
      <Grid size={{ xs: 12, md: 6 }}>
        <SimpleShowLayout>
          <TextField source="householdNo" />
          <HeadNameField source="headName" />
          <EnumField source="status" name="HouseholdStatus" chip />
          <AreaField source="areaCode" />
          <AreaField source="townshipCode" />
          <TextField source="groupNo" emptyText="—" />
          <TextField source="address" emptyText="—" />
          <TextField source="phone" emptyText="—" />
          <TextField source="bankName" emptyText="—" />
          <TextField source="bankAccount" emptyText="—" />
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <SimpleShowLayout>
          <EnumField source="attribute" name="PovertyAttribute" />
          <EnumField source="mainCause" name="PovertyCause" />
          <EnumArrayField source="otherCauses" name="PovertyCause" />
          <EnumField source="housingGrade" name="HousingSafetyGrade" />
          <TextField source="identificationYear" emptyText="—" />
          <TextField source="exitYear" emptyText="—" />
          <YesNoField source="partyMember" />
          <TextField source="size" />
          <DateTimeField source="createdAt" />
          <DateTimeField source="updatedAt" />
        </SimpleShowLayout>
      </Grid>
    </Grid>
  );
}

function IncomeAndGuarantees() {
  return (
    <>
      <SimpleShowLayout direction="row" sx={{ flexWrap: 'wrap', gap: 3 }}>
        <TextField source="income.year" emptyText="—" />
        <YuanField source="income.wagesFen" />
        <YuanField source="income.productionFen" />
        <YuanField source="income.propertyFen" />
        <YuanField source="income.transferFen" />
        <YuanField source="perCapitaIncomeFen" />
        <YesNoField source="belowPovertyLine" />
      </SimpleShowLayout>
      <Labeled label="resources.households.fields.guaranteesUnmet" sx={{ px: 2 }}>
        <EnumArrayField source="guaranteesUnmet" name="Guarantee" />
      </Labeled>
      <GuaranteesCard />
    </>
  );
}

export default function HouseholdShow() {
  return (
    <Show actions={<Actions />}>
      <UnmaskedRecord>
        <TabbedShowLayout>
          <TabbedShowLayout.Tab label="resources.households.tabs.facts">
            <Facts />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="resources.households.tabs.income" path="income">
            <IncomeAndGuarantees />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="resources.households.tabs.members" path="members">
            <MemberSubList />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="resources.households.tabs.workflows" path="workflows">
            <HouseholdWorkflowSteps />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="resources.households.tabs.risk" path="risk">
            <HouseholdWarnings />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="resources.households.tabs.history" path="history">
            <HouseholdHistoryTimeline />
          </TabbedShowLayout.Tab>
        </TabbedShowLayout>
      </UnmaskedRecord>
    </Show>
  );
}
