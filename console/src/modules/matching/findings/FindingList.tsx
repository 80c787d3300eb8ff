import Typography from '@mui/material/Typography';
import {
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { FINDING_STATUSES, LIST_TYPES, RULES } from '../codes';
import type { Finding } from '../matching.api';
import { ExportFindingsButton } from './ExportFindingsButton';

const filters = [
  <EnumInput key="rule" source="rule" name="MatchingRule" codes={RULES} alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="MatchingFindingStatus"
    codes={FINDING_STATUSES}
    alwaysOn
  />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" alwaysOn />,
  <AreaInput key="areaCode" source="areaCode" />,
  <EnumInput key="listType" source="listType" name="MatchingListType" codes={LIST_TYPES} />,
  <NullableBooleanInput key="open" source="open" />,
  <NullableBooleanInput key="overdue" source="overdue" />,
];

/** Who the finding is about: the member's name, 全户 for a household's finding (its number is the next column). */
function Subject() {
  const f = useRecordContext<Finding>();
  const translate = useTranslate();
  if (!f) return null;
  return (
    <span>
      {f.memberName ??
        translate(
          `resources.matching-findings.${f.householdNo ? 'whole_household' : 'not_registered'}`,
        )}
    </span>
  );
}

/** 是否逾期: 已逾期 in red, 未逾期 for an open finding still in time, — once closed. */
function Overdue() {
  const f = useRecordContext<Finding>();
  const translate = useTranslate();
  if (!f) return null;
  if (f.overdue)
    return (
      <Typography component="span" variant="body2" color="error">
        {translate('resources.matching-findings.overdue')}
      </Typography>
    );
  return (
    <Typography component="span" variant="body2" color="text.secondary">
      {f.status === 'closed' ? '—' : translate('resources.matching-findings.not_overdue')}
    </Typography>
  );
}

/** 比对问题 — filtered by rule, status and area; a row opens the finding and its workflow. */
export default function FindingList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          <ExportFindingsButton />
        </TopToolbar>
      }
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="rule">
          <EnumField source="rule" name="MatchingRule" />
        </DataTable.Col>
        <DataTable.Col source="memberName" disableSort>
          <Subject />
        </DataTable.Col>
        <DataTable.Col source="householdNo" disableSort />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="townshipCode">
          <AreaField source="townshipCode" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="MatchingFindingStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="dueAt">
          <DayField source="dueAt" />
        </DataTable.Col>
        <DataTable.Col source="overdue" disableSort>
          <Overdue />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
