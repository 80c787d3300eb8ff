import {
  ArrayInput,
  BooleanInput,
  DateInput,
  Edit,
  NumberInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { InputGrid } from '../../../common/InputGrid';
import { SectionHeading } from '../../../common/SectionHeading';
import { INFRASTRUCTURE } from './codes';

const names = {
  format: (v: unknown) => (Array.isArray(v) ? v.join('、') : ''),
  parse: (s: string) =>
    s
      .split(/[、,，;；\s]+/)
      .map((x) => x.trim())
      .filter(Boolean),
};

/** 录入行政村信息 — the typed-in facts; the registry computes the registered figures. */
export default function VillageEdit() {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <SectionHeading label="resources.villages.sections.facts" />
        <InputGrid>
          <NumberInput source="totalHouseholds" min={0} />
          <NumberInput source="ruralPopulation" min={0} />
          <BooleanInput source="poorVillage" />
          <EnumInput
            source="poorVillageLevel"
            name="PoorVillageLevel"
            codes={['provincial', 'city']}
          />
        </InputGrid>
        <ArrayInput source="groups">
          <SimpleFormIterator inline>
            <NumberInput
              source="no"
              label="resources.villages.fields.group.no"
              validate={[required(), minValue(1), maxValue(999)]}
            />
            <TextInput
              source="name"
              label="resources.villages.fields.group.name"
              validate={required()}
            />
          </SimpleFormIterator>
        </ArrayInput>
        <SectionHeading label="resources.villages.sections.infrastructure" />
        {INFRASTRUCTURE.map((k) => (
          <InputGrid key={k}>
            <BooleanInput
              source={`infrastructure.${k}.inPlace`}
              label={translate(`resources.villages.infrastructure.${k}`)}
            />
            <TextInput
              source={`infrastructure.${k}.note`}
              label="resources.villages.infrastructure.note"
            />
          </InputGrid>
        ))}
        <SectionHeading label="resources.villages.sections.cadres" />
        <InputGrid>
          <TextInput source="firstSecretary.name" />
          <TextInput source="firstSecretary.unit" />
          <DateInput source="firstSecretary.since" />
          <TextInput source="workTeam.unit" />
          <TextInput source="workTeam.leader" />
          <TextInput source="workTeam.members" {...names} />
        </InputGrid>
      </SimpleForm>
    </Edit>
  );
}
