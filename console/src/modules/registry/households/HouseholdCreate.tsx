import {
  ArrayInput,
  Create,
  SimpleFormIterator,
  TabbedForm,
  TextInput,
  regex,
  required,
} from 'react-admin';
import { AreaInput } from '../../../common/inputs';
import {
  HouseholdFactsInputs,
  IncomeAndGuaranteeInputs,
  incomeAndGuaranteesOf,
} from './HouseholdFactsInputs';
import { MemberInputs } from './MemberInputs';

const defaults = {
  members: [{ relation: 'head', medicalInsurance: true }],
  income: { year: new Date().getFullYear() - 1 },
};

/**
 * 登记贫困户 — a household with its members in one request. It starts as a candidate
 * (识别中); the identification workflow then takes it through appraisal, notice and approval.
 */
export default function HouseholdCreate() {
  return (
    <Create redirect="show" transform={incomeAndGuaranteesOf}>
      <TabbedForm defaultValues={defaults} warnWhenUnsavedChanges>
        <TabbedForm.Tab label="resources.households.tabs.facts">
          <TextInput
            source="householdNo"
            validate={[required(), regex(/^[0-9A-Za-z-]{4,32}$/, 'app.validation.household_no')]}
          />
          <AreaInput
            source="areaCode"
            level="village"
            validate={required()}
            sx={{ minWidth: 320 }}
          />
          <HouseholdFactsInputs />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="resources.households.tabs.income" path="income">
          <IncomeAndGuaranteeInputs />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="resources.households.tabs.members" path="members">
          <ArrayInput source="members" label={false}>
            <SimpleFormIterator fullWidth>
              <MemberInputs withIdNumber />
            </SimpleFormIterator>
          </ArrayInput>
        </TabbedForm.Tab>
      </TabbedForm>
    </Create>
  );
}
