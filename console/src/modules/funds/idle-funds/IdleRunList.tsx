import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import {
  Button,
  DataTable,
  List,
  TopToolbar,
  useNotify,
  usePermissions,
  useRefresh,
} from 'react-admin';
import { DateTimeField, DayField, YuanField } from '../../../common/fields';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';

function RunButton() {
  const calls = useCalls();
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!hasRight(permissions, 'funds', 'approve')) return null;
  return (
    <Button
      label="resources.idle-funds.run"
      onClick={() =>
        calls.fundsRunIdleCheck().then(
          () => {
            notify('resources.idle-funds.queued', { type: 'info' });
            setTimeout(refresh, 3000);
          },
          (e: unknown) => notifyProblem(e),
        )
      }
    >
      <PlayArrowIcon />
    </Button>
  );
}

export default function IdleRunList() {
  return (
    <List
      sort={{ field: 'date', order: 'DESC' }}
      actions={
        <TopToolbar>
          <RunButton />
        </TopToolbar>
      }
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="date">
          <DayField source="date" />
        </DataTable.Col>
        <DataTable.Col source="cutoff" disableSort>
          <DayField source="cutoff" />
        </DataTable.Col>
        <DataTable.Col
          source="totals.idleFen"
          label="resources.idle-funds.fields.idleFen"
          align="right"
          disableSort
        >
          <YuanField source="totals.idleFen" />
        </DataTable.Col>
        <DataTable.Col
          source="totals.townshipsWithIdle"
          label="resources.idle-funds.fields.townshipsWithIdle"
          disableSort
        />
        <DataTable.Col
          source="totals.idleProjects"
          label="resources.idle-funds.fields.idleProjects"
          disableSort
        />
        <DataTable.Col source="computedAt">
          <DateTimeField source="computedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
