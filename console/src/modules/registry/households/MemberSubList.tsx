import RemoveIcon from '@mui/icons-material/PersonRemove';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import {
  Button,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { EnumLabel } from '../../../common/fields';
import { formatDay } from '../../../common/format';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { Household } from './household.api';
import { MemberDialogButton } from './MemberDialogButton';
import { HeadChangeButton } from './HeadChangeButton';
import Alert from '@mui/material/Alert';

type Member = Household['members'][number] & Record<string, unknown>;

const COLUMNS = [
  'name',
  'relation',
  'sex',
  'birthDate',
  'idNumber',
  'health',
  'labourCapacity',
  'schoolStage',
  'phone',
  'status',
] as const;

/** One member's value in a column: enum codes as their labels, days as days. */
const cell = (m: Member, c: (typeof COLUMNS)[number]) => {
  switch (c) {
    case 'relation':
      return <EnumLabel name="Relation" code={m.relation} />;
    case 'sex':
      return <EnumLabel name="Sex" code={m.sex} />;
    case 'health':
      return <EnumLabel name="HealthStatus" code={m.health} />;
    case 'labourCapacity':
      return <EnumLabel name="LabourCapacity" code={m.labourCapacity} />;
    case 'schoolStage':
      return <EnumLabel name="SchoolStage" code={m.schoolStage} />;
    case 'status':
      return <EnumLabel name="MemberStatus" code={m.status} />;
    case 'birthDate':
      return formatDay(m.birthDate);
    default:
      return (m[c] as string | null | undefined) || '—';
  }
};

/** 修改 and 删除 of an active member (the head is never removed); a removed one's reason. */
function MemberActions({
  household,
  member: m,
  onRemove,
}: {
  household: Household;
  member: Member;
  onRemove: (m: Member) => void;
}) {
  return m.status === 'active' ? (
    <>
      <MemberDialogButton household={household} member={m} />
      {m.relation !== 'head' ? (
        <>
          <HeadChangeButton household={household} member={m} />
          <Button label="ra.action.remove" onClick={() => onRemove(m)} color="error">
            <RemoveIcon />
          </Button>
        </>
      ) : null}
    </>
  ) : (
    (m.removedReason ?? '')
  );
}

/**
 * 家庭成员 — the household's members as an editable sub-list: add, change and remove (with
 * a reason, kept in the history) one member at a time, each against the household's revision.
 */
export function MemberSubList() {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const household = useRecordContext<Household>();
  const { canAccess: mayWrite } = useCanAccess({ resource: 'households', action: 'edit' });
  const calls = useCalls();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [showRemoved, setShowRemoved] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!household) return null;
  const members = (household.members as Member[]).filter(
    (m) => showRemoved || m.status === 'active',
  );

  const remove = async (reason: string) => {
    if (!removing) return;
    setBusy(true);
    try {
      await calls.householdRemoveMember(
        String(household.id),
        removing.id,
        household.revision,
        reason,
      );
      notify('resources.members.removed', { type: 'success' });
      setRemoving(null);
      refresh();
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      {household.headPending ? (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="head-pending">
          {translate('headChange.pending')}
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <FormControlLabel
          control={
            <Checkbox checked={showRemoved} onChange={(e) => setShowRemoved(e.target.checked)} />
          }
          label={translate('resources.members.show_removed')}
        />
        {mayWrite ? <MemberDialogButton household={household} member={null} /> : null}
      </Box>
      <Table size="small" aria-label={translate('resources.members.name', { smart_count: 2 })}>
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell key={c}>{translate(`resources.members.fields.${c}`)}</TableCell>
            ))}
            {mayWrite ? <TableCell>{translate('app.common.actions')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {members.map((m) => (
            <TableRow
              key={m.id}
              sx={{ opacity: m.status === 'removed' ? 0.5 : 1 }}
              data-testid="member-row"
            >
              {COLUMNS.map((c) => (
                <TableCell key={c}>{cell(m, c)}</TableCell>
              ))}
              {mayWrite ? (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <MemberActions household={household} member={m} onRemove={setRemoving} />
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ReasonDialog
        open={removing !== null}
        busy={busy}
        title={translate('resources.members.remove_title', { name: removing?.name ?? '' })}
        hint={translate('resources.members.remove_hint')}
        reasonLabel={translate('app.common.reason')}
        confirmLabel={translate('ra.action.remove')}
        onCancel={() => setRemoving(null)}
        onConfirm={(reason) => void remove(reason)}
      />
    </Box>
  );
}
