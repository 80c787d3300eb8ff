import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { Edit, TabbedForm, TextInput, useTranslate } from 'react-admin';
import {
  HouseholdFactsInputs,
  IncomeAndGuaranteeInputs,
  incomeAndGuaranteesOf,
} from './HouseholdFactsInputs';
import { MemberSubList } from './MemberSubList';

/** Members are changed one at a time below the form, each saved at once. */
function Members() {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>
          {translate('resources.households.tabs.members')}
        </Typography>
        <MemberSubList />
      </CardContent>
    </Card>
  );
}

/** 修改户信息 — only what changed is sent, against the revision that was loaded. */
export default function HouseholdEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={incomeAndGuaranteesOf} redirect="show">
      <TabbedForm warnWhenUnsavedChanges>
        <TabbedForm.Tab label="resources.households.tabs.facts">
          <TextInput source="householdNo" disabled />
          <HouseholdFactsInputs />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="resources.households.tabs.income" path="income">
          <IncomeAndGuaranteeInputs />
        </TabbedForm.Tab>
      </TabbedForm>
      <Members />
    </Edit>
  );
}
