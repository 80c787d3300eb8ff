import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  BooleanInput,
  NullableBooleanInput,
  NumberInput,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  useTranslate,
} from 'react-admin';
import { EnumArrayInput, EnumInput, YuanInput } from '../../../common/inputs';
import { InputGrid } from '../../../common/InputGrid';
import { GUARANTEES } from './codes';

const year = [minValue(2000, 'app.validation.year'), maxValue(2100, 'app.validation.year')];

/** The household's own facts (both registration and change). */
export function HouseholdFactsInputs() {
  return (
    <InputGrid>
      <NumberInput source="groupNo" min={1} max={999} />
      <TextInput source="address" validate={maxLength(200)} />
      <TextInput source="phone" />
      <TextInput source="bankName" validate={maxLength(50)} />
      <TextInput source="bankAccount" />
      <EnumInput source="attribute" name="PovertyAttribute" />
      <EnumInput source="mainCause" name="PovertyCause" />
      <EnumArrayInput source="otherCauses" name="PovertyCause" />
      <EnumInput source="housingGrade" name="HousingSafetyGrade" />
      <NumberInput source="identificationYear" validate={year} />
      <NumberInput source="exitYear" validate={year} />
      <BooleanInput source="partyMember" />
    </InputGrid>
  );
}

/** Income by source (typed in yuan, kept in fen) and 两不愁三保障 + 饮水安全. */
export function IncomeAndGuaranteeInputs() {
  const translate = useTranslate();
  return (
    <Box>
      <InputGrid>
        <NumberInput source="income.year" validate={year} />
        <YuanInput source="income.wagesFen" fullWidth />
        <YuanInput source="income.productionFen" fullWidth />
        <YuanInput source="income.propertyFen" fullWidth />
        <YuanInput source="income.transferFen" fullWidth />
      </InputGrid>
      {GUARANTEES.map((code) => (
        <Box
          key={code}
          sx={{
            display: 'grid',
            gridTemplateColumns: '160px 200px 1fr',
            columnGap: 2,
            alignItems: 'center',
          }}
        >
          <Typography>{translate(`enums.Guarantee.${code}`)}</Typography>
          <NullableBooleanInput
            source={`guarantees.${code}.met`}
            label="resources.households.guarantee.met"
            helperText={false}
          />
          <TextInput
            source={`guarantees.${code}.note`}
            label="resources.households.guarantee.note"
            helperText={false}
            validate={maxLength(200)}
          />
        </Box>
      ))}
    </Box>
  );
}

/**
 * The form's income and guarantees as the API takes them: no income unless an amount was
 * typed (then the other sources count as 0), and only the guarantees that were answered.
 */
export function incomeAndGuaranteesOf(values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  const income = values.income as Record<string, unknown> | null | undefined;
  const sources = ['wagesFen', 'productionFen', 'propertyFen', 'transferFen'];
  if (income && sources.some((s) => typeof income[s] === 'number')) {
    out.income = {
      year: income.year,
      ...Object.fromEntries(sources.map((s) => [s, typeof income[s] === 'number' ? income[s] : 0])),
    };
  } else if (income !== undefined) {
    out.income = null;
  }
  const g = values.guarantees as
    Record<string, { met?: boolean | null; note?: string | null }> | undefined;
  if (g) {
    const answered = Object.entries(g).filter(([, v]) => typeof v?.met === 'boolean');
    out.guarantees = Object.fromEntries(
      answered.map(([k, v]) => [k, { met: v.met, note: v.note ? v.note : null }]),
    );
    if (answered.length === 0) delete out.guarantees;
  }
  return out;
}
