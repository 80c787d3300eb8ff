import {
  DataTable,
  List,
  NullableBooleanInput,
  NumberInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import type { Ranking } from '../codes';
import { YellowCard } from '../results/YellowCard';
import { QuarterLabel } from './QuarterLabel';
import { RankQuarterButton } from './RankQuarterButton';

const filters = [
  <NumberInput key="year" source="year" alwaysOn />,
  <NullableBooleanInput key="current" source="current" alwaysOn />,
];

/** The units that got a yellow card in this version, by name. */
function Warned() {
  const r = useRecordContext<Ranking>();
  const translate = useTranslate();
  if (!r) return null;
  const units = r.tracks.flatMap((t) => t.units).filter((u) => u.yellowCard);
  if (units.length === 0) return <span>{translate('assessment.no_yellow_cards')}</span>;
  return (
    <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
      {units.map((u) => (
        <span key={u.unitId}>
          {u.name}{' '}
          <YellowCard
            yellowCard
            accountability={u.accountability}
            consecutive={u.consecutiveYellowCards}
          />
        </span>
      ))}
    </span>
  );
}

function InForce() {
  const r = useRecordContext<Ranking>();
  const translate = useTranslate();
  if (!r) return null;
  return <span>{translate(r.supersededBy ? 'assessment.superseded' : 'assessment.in_force')}</span>;
}

/** 季度排名 — every published version, newest first; a row opens its table. */
export default function RankingList() {
  return (
    <List
      sort={{ field: 'publishedAt', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <RankQuarterButton />
        </TopToolbar>
      }
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="quarterKey">
          <QuarterLabel />
        </DataTable.Col>
        <DataTable.Col source="trigger" disableSort>
          <EnumField source="trigger" name="RankingTrigger" />
        </DataTable.Col>
        <DataTable.Col source="supersededBy" disableSort>
          <InForce />
        </DataTable.Col>
        <DataTable.Col source="tracks" disableSort>
          <Warned />
        </DataTable.Col>
        <DataTable.Col source="publishedAt">
          <DateTimeField source="publishedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
