import Alert from '@mui/material/Alert';
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
import { formatDateTime } from '../../../common/format';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { useCalls } from '../../calls';
import { GUARANTEES } from './codes';
import type { Household } from './household.api';

import {
  freshnessText,
  type GuaranteeView,
  sourceText,
  type State,
  stateOf,
} from './guarantee-source';

const COLOUR: Record<State, 'success' | 'error' | 'warning'> = {
  met: 'success',
  not_met: 'error',
  unknown: 'warning',
};

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
 * How fresh the derived values are: the registry derives 义务教育 and 基本医疗 from support's
 * events and says how many it has not applied yet (no silent staleness).
 */
function Freshness({ household }: { household: Household }) {
  const translate = useTranslate();
  if (!household.guaranteeFacts) return null;
  const { warn, text } = freshnessText(household.guaranteeFacts, translate, formatDateTime);
  return warn ? (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="guarantee-facts">
      {text}
    </Alert>
  ) : (
    <Typography variant="body2" color="text.secondary" data-testid="guarantee-facts">
      {text}
    </Typography>
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
        <Freshness household={household} />
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
