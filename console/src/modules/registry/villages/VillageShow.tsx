import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  EditButton,
  NumberField,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DayField, EnumField, PercentField, YesNoField } from '../../../common/fields';
import { SectionHeading } from '../../../common/SectionHeading';
import { INFRASTRUCTURE } from './codes';
import { VillageExitSteps } from './VillageExitSteps';
import { VillageHandbookButton } from './VillageHandbookButton';

function InfrastructureTable() {
  const translate = useTranslate();
  const r = useRecordContext();
  const infra = (r?.infrastructure ?? {}) as Record<
    string,
    { inPlace: boolean; note: string | null }
  >;
  return (
    <Table size="small" sx={{ maxWidth: 640 }}>
      <TableBody>
        {INFRASTRUCTURE.map((k) => (
          <TableRow key={k}>
            <TableCell>{translate(`resources.villages.infrastructure.${k}`)}</TableCell>
            <TableCell sx={{ color: infra[k]?.inPlace ? undefined : 'error.main' }}>
              {translate(infra[k]?.inPlace ? 'ra.boolean.true' : 'ra.boolean.false')}
            </TableCell>
            <TableCell>{infra[k]?.note ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Groups() {
  const r = useRecordContext();
  const groups = (r?.groups ?? []) as { no: number; name: string }[];
  return (
    <Typography variant="body2">
      {groups.length ? groups.map((g) => `${g.no}. ${g.name}`).join('、') : '—'}
    </Typography>
  );
}

export default function VillageShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <VillageHandbookButton />
          <VillageHandbookButton kind="card" />
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <SectionHeading label="resources.villages.sections.facts" />
        <TextField source="code" />
        <TextField source="name" />
        <AreaField source="townshipCode" />
        <Groups />
        <NumberField source="totalHouseholds" emptyText="—" />
        <NumberField source="ruralPopulation" emptyText="—" />
        <YesNoField source="poorVillage" />
        <EnumField source="poorVillageLevel" name="PoorVillageLevel" />
        <YesNoField source="exited" />
        <TextField source="exitYear" emptyText="—" />
        <SectionHeading label="resources.villages.sections.figures" />
        <NumberField source="registeredHouseholds" />
        <NumberField source="registeredPeople" />
        <NumberField source="stillPoorHouseholds" />
        <NumberField source="stillPoorPeople" />
        <PercentField source="povertyIncidencePercent" />
        <SectionHeading label="resources.villages.sections.infrastructure" />
        <InfrastructureTable />
        <SectionHeading label="resources.villages.sections.exit" />
        <VillageExitSteps />
        <SectionHeading label="resources.villages.sections.cadres" />
        <TextField source="firstSecretary.name" emptyText="—" />
        <TextField source="firstSecretary.unit" emptyText="—" />
        <DayField source="firstSecretary.since" />
        <TextField source="workTeam.unit" emptyText="—" />
        <TextField source="workTeam.leader" emptyText="—" />
        <TextField source="workTeam.members" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
