import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  minLength,
  required,
  SelectInput,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumLabel } from '../../../common/fields';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { useCalls } from '../../calls';
import { GUARANTEES } from './codes';
import type { Household } from './household.api';

type State = 'met' | 'not_met' | 'unknown';

/** One guarantee as the registry answers it (older answers have only `met` and `note`). */
export interface GuaranteeView {
  state?: State;
  met?: boolean;
  note?: string | null;
  source?: 'derived' | 'typed' | 'none';
  derived?: { state: State; fact: string | null } | null;
  typed?: {
    state: State;
    reason: string | null;
    actorName: string | null;
    legacy?: boolean;
  } | null;
}

const COLOUR: Record<State, 'success' | 'error' | 'warning'> = {
  met: 'success',
  not_met: 'error',
  unknown: 'warning',
};

export const stateOf = (g: GuaranteeView | undefined): State =>
  g?.state ?? (g?.met === undefined ? 'unknown' : g.met ? 'met' : 'not_met');

type Translate = (key: string, args?: Record<string, unknown>) => string;

/** The fact a derived value follows, in words (由住房等级C级推定 …). */
export function factText(
  fact: string,
  members: { id: string; name: string }[],
  t: Translate,
): string {
  const plain: Record<string, string> = {
    'members:medical_insurance': 'members_medical_insurance',
    'support:coverage': 'support_coverage',
    'members:in_school': 'members_in_school',
    'support:enrollment': 'support_enrollment',
    no_compulsory_age_children: 'no_compulsory_age_children',
    'village:safe_water': 'village_safe_water',
    'village:no_safe_water': 'village_no_safe_water',
  };
  if (plain[fact]) return t(`guarantees.fact.${plain[fact]}`);
  const grade = /^housing_grade:([ABCD])$/.exec(fact);
  if (grade) return t('guarantees.fact.housing_grade', { grade: grade[1] });
  const member = /^member:([^:]+):(.+)$/.exec(fact);
  if (member) {
    const name = members.find((m) => m.id === member[1])?.name ?? member[1]!;
    const what = member[2]!;
    if (what.startsWith('enrollment_'))
      return t('guarantees.fact.enrollment', { name, status: what.slice('enrollment_'.length) });
    if (
      [
        'no_medical_insurance',
        'coverage_not_enrolled',
        'dropout_case_open',
        'not_in_school',
      ].includes(what)
    )
      return t(`guarantees.fact.${what}`, { name });
  }
  return t('guarantees.fact.other', { fact });
}

/** Where a guarantee's state comes from, in words. */
export function sourceText(
  g: GuaranteeView | undefined,
  members: { id: string; name: string }[],
  t: Translate,
): string {
  const typed = g?.typed;
  const derived = g?.derived?.fact ? factText(g.derived.fact, members, t) : null;
  if (g?.source === 'typed' && typed) {
    const who = typed.legacy
      ? t('guarantees.source.legacy')
      : typed.reason
        ? t('guarantees.source.typed', { name: typed.actorName ?? '', reason: typed.reason })
        : t('guarantees.source.typed_no_reason', { name: typed.actorName ?? '' });
    return derived && g.derived
      ? `${who}${t('guarantees.source.derived_also', { state: t(`guarantees.state.${g.derived.state}`) })}`
      : who;
  }
  if (derived) return derived;
  if (!g?.state && g?.met !== undefined) return t('guarantees.source.legacy');
  return t('guarantees.source.none');
}

function OverrideButton({ code, household }: { code: string; household: Household }) {
  const calls = useCalls();
  const translate = useTranslate();
  const guarantee = translate(`enums.Guarantee.${code}`);
  return (
    <FormDialogButton
      label="guarantees.override"
      title="guarantees.override_title"
      titleArgs={{ guarantee }}
      hint={translate('guarantees.override_hint')}
      record={{ state: stateOf((household.guarantees as Record<string, GuaranteeView>)[code]) }}
      alwaysEnable
      done="guarantees.overridden"
      onSubmit={(v) => calls.householdOverrideGuarantee(household.id, code, household.revision, v)}
    >
      <SelectInput
        source="state"
        label="guarantees.fields.state"
        choices={(['met', 'not_met', 'unknown'] as const).map((s) => ({
          id: s,
          name: `guarantees.state.${s}`,
        }))}
        validate={required()}
      />
      <TextInput
        source="reason"
        label="guarantees.fields.reason"
        multiline
        fullWidth
        validate={[required(), minLength(2)]}
      />
    </FormDialogButton>
  );
}

function ClearButton({ code, household }: { code: string; household: Household }) {
  const calls = useCalls();
  const translate = useTranslate();
  return (
    <FormDialogButton
      label="guarantees.clear"
      title="guarantees.clear_title"
      titleArgs={{ guarantee: translate(`enums.Guarantee.${code}`) }}
      hint={translate('guarantees.clear_hint')}
      color="error"
      done="guarantees.cleared"
      onSubmit={(v) =>
        calls.householdClearGuarantee(
          household.id,
          code,
          household.revision,
          String(v.reason ?? ''),
        )
      }
    >
      <TextInput
        source="reason"
        label="guarantees.fields.reason"
        multiline
        fullWidth
        validate={[required(), minLength(2)]}
      />
    </FormDialogButton>
  );
}

/**
 * 两不愁三保障 on the household page: each guarantee's state (达标 / 未达标 / 未知) in colour,
 * where it comes from (derived from which fact, or stated by whom and why), and the actions to
 * state it with a reason or clear a stated value.
 */
export function GuaranteesCard() {
  const translate = useTranslate();
  const household = useRecordContext<Household>();
  if (!household) return null;
  const all = (household.guarantees ?? {}) as Record<string, GuaranteeView>;
  const members = (household.members ?? []) as { id: string; name: string }[];
  return (
    <Card variant="outlined" sx={{ mx: 2, my: 1 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('guarantees.card')}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('guarantees.columns.guarantee')}</TableCell>
              <TableCell>{translate('guarantees.columns.state')}</TableCell>
              <TableCell>{translate('guarantees.columns.source')}</TableCell>
              <TableCell>{translate('guarantees.columns.note')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {GUARANTEES.map((code) => {
              const g = all[code];
              const state = stateOf(g);
              return (
                <TableRow key={code} data-guarantee={code}>
                  <TableCell>
                    <EnumLabel name="Guarantee" code={code} />
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={COLOUR[state]}
                      label={translate(`guarantees.state.${state}`)}
                    />
                  </TableCell>
                  <TableCell>{sourceText(g, members, translate)}</TableCell>
                  <TableCell>{g?.note ?? '—'}</TableCell>
                  <TableCell align="right">
                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                      <OverrideButton code={code} household={household} />
                      {g?.typed ? <ClearButton code={code} household={household} /> : null}
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
