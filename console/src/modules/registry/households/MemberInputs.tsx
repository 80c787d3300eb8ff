import { BooleanInput, NumberInput, TextInput, maxLength, regex, required } from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { InputGrid } from '../../../common/InputGrid';

const label = (f: string) => `resources.members.fields.${f}`;

/** The member's facts, for the registration form's member rows and the member dialog. */
export function MemberInputs({
  withIdNumber,
  prefix = '',
}: {
  withIdNumber: boolean;
  prefix?: string;
}) {
  const s = (f: string) => `${prefix}${f}`;
  return (
    <InputGrid min={180}>
      <TextInput source={s('name')} label={label('name')} validate={[required(), maxLength(50)]} />
      {withIdNumber ? (
        <TextInput
          source={s('idNumber')}
          label={label('idNumber')}
          validate={[required(), regex(/^\d{17}[\dXx]$/, 'app.validation.id_number')]}
        />
      ) : null}
      <EnumInput
        source={s('relation')}
        label={label('relation')}
        name="Relation"
        validate={required()}
      />
      <EnumInput source={s('ethnicity')} label={label('ethnicity')} name="Ethnicity" />
      <EnumInput
        source={s('educationLevel')}
        label={label('educationLevel')}
        name="EducationLevel"
      />
      <EnumInput source={s('health')} label={label('health')} name="HealthStatus" />
      <EnumInput
        source={s('disabilityGrade')}
        label={label('disabilityGrade')}
        name="DisabilityGrade"
      />
      <EnumInput
        source={s('labourCapacity')}
        label={label('labourCapacity')}
        name="LabourCapacity"
      />
      <BooleanInput source={s('inSchool')} label={label('inSchool')} />
      <EnumInput source={s('schoolStage')} label={label('schoolStage')} name="SchoolStage" />
      <BooleanInput source={s('migrantWork.working')} label={label('migrantWork.working')} />
      <TextInput source={s('migrantWork.place')} label={label('migrantWork.place')} />
      <NumberInput
        source={s('migrantWork.months')}
        label={label('migrantWork.months')}
        min={0}
        max={12}
      />
      <BooleanInput source={s('medicalInsurance')} label={label('medicalInsurance')} />
      <BooleanInput source={s('pensionInsurance')} label={label('pensionInsurance')} />
      <BooleanInput source={s('minimumAllowance')} label={label('minimumAllowance')} />
      <BooleanInput source={s('destituteSupport')} label={label('destituteSupport')} />
      <TextInput source={s('phone')} label={label('phone')} />
    </InputGrid>
  );
}
