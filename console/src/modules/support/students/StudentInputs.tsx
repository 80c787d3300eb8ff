import { NumberInput, TextInput, maxLength, maxValue, minValue, required } from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { SCHOOL_STAGES } from '../support.api';

/** 学校、学段、年级 — the student's current school, as the create and edit forms take them. */
export const SchoolInputs = ({ optional = false }: { optional?: boolean }) => (
  <>
    <TextInput
      source="school"
      validate={optional ? maxLength(100) : [required(), maxLength(100)]}
      sx={{ minWidth: 320 }}
    />
    <EnumInput
      source="stage"
      name="SchoolStage"
      codes={SCHOOL_STAGES}
      validate={optional ? undefined : required()}
    />
    <NumberInput
      source="grade"
      min={1}
      max={12}
      step={1}
      validate={optional ? [minValue(1), maxValue(12)] : [required(), minValue(1), maxValue(12)]}
    />
  </>
);
