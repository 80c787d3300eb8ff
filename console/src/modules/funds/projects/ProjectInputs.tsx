import {
  BooleanInput,
  DateInput,
  NumberInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { AreaInput, EnumInput, YuanInput } from '../../../common/inputs';
import { SectionHeading } from '../../../common/SectionHeading';
import { FIVE_SYSTEMS, PROJECT_TYPES, SOURCES } from '../codes';

function FiveSystems() {
  const translate = useTranslate();
  const f = (k: string) => `resources.projects.fields.fiveSystems.${k}`;
  return (
    <InputGrid min={300}>
      {FIVE_SYSTEMS.map((k) => (
        <div key={k}>
          <BooleanInput source={`fiveSystems.${k}.inPlace`} label={f(k)} helperText={false} />
          <TextInput
            source={`fiveSystems.${k}.note`}
            label={`${translate(f(k))} · ${translate(f('note'))}`}
            fullWidth
          />
        </div>
      ))}
    </InputGrid>
  );
}

/** A project's facts; `fixed` marks what the API no longer changes once approved. */
export const ProjectInputs = ({ create, fixed }: { create?: boolean; fixed?: boolean }) => (
  <>
    <InputGrid>
      {create ? <TextInput source="code" validate={[required(), maxLength(50)]} /> : null}
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <EnumInput
        source="type"
        name="ProjectType"
        codes={PROJECT_TYPES}
        validate={required()}
        disabled={fixed}
      />
      <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} />
      <AreaInput source="areaCode" validate={required()} disabled={fixed} />
      <TextInput source="location" />
      <TextInput source="contractor" />
      <TextInput source="responsible" />
      {create ? <DateInput source="proposedOn" /> : null}
      <DateInput source="plannedStartOn" />
      <DateInput source="plannedFinishOn" />
    </InputGrid>
    <SectionHeading label="resources.projects.sections.investment" />
    <InputGrid min={180}>
      {SOURCES.map((s) => (
        <YuanInput
          key={s}
          source={`plannedInvestment.${s}`}
          label={`enums.FundingSource.${s}`}
          disabled={fixed}
        />
      ))}
    </InputGrid>
    <SectionHeading label="resources.projects.sections.beneficiaries" />
    <InputGrid>
      <NumberInput source="beneficiaries.households" min={0} validate={minValue(0)} />
      <NumberInput source="beneficiaries.people" min={0} validate={minValue(0)} />
    </InputGrid>
    <SectionHeading label="resources.projects.sections.five_systems" />
    <FiveSystems />
  </>
);
