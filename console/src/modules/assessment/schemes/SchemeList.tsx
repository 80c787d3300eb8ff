import { DataTable, List, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../../../common/fields';
import type { Scheme } from '../codes';

function Units() {
  const s = useRecordContext<Scheme>();
  const translate = useTranslate();
  if (!s) return null;
  return (
    <span>
      {s.tracks
        .map((t) =>
          translate('assessment.schemes.units_of_kind', {
            kind: translate(`enums.AssessmentUnitKind.${t.kind}`),
            count: t.units.length,
          }),
        )
        .join('；')}
    </span>
  );
}

/** 考核方案 — one per year, newest first. */
export default function SchemeList() {
  return (
    <List sort={{ field: 'year', order: 'DESC' }} empty={false} pagination={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="year" disableSort />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="tracks" disableSort>
          <Units />
        </DataTable.Col>
        <DataTable.NumberCol source="revision" disableSort />
        <DataTable.Col source="updatedAt" disableSort>
          <DateTimeField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
