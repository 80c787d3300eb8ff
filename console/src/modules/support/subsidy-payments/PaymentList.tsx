import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  TopToolbar,
} from 'react-admin';
import { DayField, EnumField, YesNoField, YuanField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ExportButton } from '../../../common/ExportButton';
import { SCHOOL_STAGES, SUBSIDY_TYPES } from '../support.api';
import { HalfGuard, TermField } from '../SupportFields';
import { TermInput } from '../SupportInputs';
import { BatchPaymentButton } from './BatchPaymentButton';
import { SubsidyTotals } from './SubsidyTotals';
import { VoidPaymentButton } from './VoidPaymentButton';
import { Spinner } from '../../../common/Spinner';
import { useLatestTerm } from '../latest-term';

const filters = [
  <TermInput key="term" source="term" alwaysOn />,
  <EnumInput key="type" source="type" name="SubsidyType" codes={SUBSIDY_TYPES} alwaysOn />,
  <EnumInput key="stage" source="stage" name="SchoolStage" codes={SCHOOL_STAGES} />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" />,
  <NullableBooleanInput key="voided" source="voided" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton
      service="support"
      path="/exports/subsidy-payments.xlsx"
      fileName="资助发放.xlsx"
    />
    <BatchPaymentButton />
    <CreateButton />
  </TopToolbar>
);

export default function PaymentList() {
  return (
    <HalfGuard half="education">
      <Listed />
    </HalfGuard>
  );
}

/** The list, once the term it opens on is known (only for users of the education half). */
function Listed() {
  const term = useLatestTerm();
  if (!term) return <Spinner />;
  return (
    <List
      sort={{ field: 'paidOn', order: 'DESC' }}
      filters={filters}
      filterDefaultValues={{ term }}
      actions={<Actions />}
      empty={false}
    >
      <SubsidyTotals />
      <DataTable
        rowClick={(_id, _resource, r) => `/support-students/${String(r.studentId)}/show`}
        bulkActionButtons={false}
      >
        <DataTable.Col source="name" />
        <DataTable.Col source="term">
          <TermField source="term" />
        </DataTable.Col>
        <DataTable.Col source="type">
          <EnumField source="type" name="SubsidyType" />
        </DataTable.Col>
        <DataTable.Col source="stage" disableSort>
          <EnumField source="stage" name="SchoolStage" />
        </DataTable.Col>
        <DataTable.Col source="amountFen" align="right">
          <YuanField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="standard" disableSort>
          <YesNoField source="standard" />
        </DataTable.Col>
        <DataTable.Col source="paidOn">
          <DayField source="paidOn" />
        </DataTable.Col>
        <DataTable.Col source="department" disableSort />
        <DataTable.Col source="voided" disableSort>
          <YesNoField source="voided" />
        </DataTable.Col>
        <DataTable.Col source="voidReason" disableSort />
        <DataTable.Col label="app.common.actions">
          <VoidPaymentButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
