import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  Button,
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField, YuanField } from '../../../common/fields';
import { formatDateTime } from '../../../common/format';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { Measure } from '../assistance.api';
import { MEASURE_NEXT } from '../codes';

/** The status steps taken, oldest first, each with who and when. */
function MeasureSteps() {
  const translate = useTranslate();
  const m = useRecordContext<Measure>();
  if (!m) return null;
  const label = (s: string | null | undefined) =>
    s ? translate(`enums.MeasureStatus.${s}`, { _: s }) : '—';
  return (
    <Labeled label="resources.measures.fields.steps">
      <Stepper orientation="vertical" activeStep={(m.steps ?? []).length}>
        {(m.steps ?? []).map((s, i) => (
          <Step key={i} completed>
            <StepLabel
              optional={
                <Typography variant="caption">
                  {formatDateTime(s.at)} · {s.actorName ?? ''}
                  {s.reason ? ` · ${s.reason}` : ''}
                </Typography>
              }
            >
              {label(s.to)}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
    </Labeled>
  );
}

/** The next steps the status machine allows; cancelling asks for the reason. */
function MoveButtons() {
  const calls = useCalls();
  const translate = useTranslate();
  const m = useRecordContext<Measure>();
  const { canAccess } = useCanAccess({ resource: 'measures', action: 'edit' });
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [target, setTarget] = useState<Measure['status'] | null>(null);
  if (!m || !canAccess) return null;
  const move = async (to: Measure['status'], reason?: string) => {
    try {
      await calls.assistanceMoveMeasure(m.id, {
        to,
        ...(reason ? { reason } : {}),
        revision: m.revision,
      });
      notify('resources.measures.moved', { type: 'info' });
      setTarget(null);
      refresh();
    } catch (e) {
      notifyProblem(e);
    }
  };
  const status = (s: string) => translate(`enums.MeasureStatus.${s}`);
  return (
    <>
      {MEASURE_NEXT[m.status].map((to) => (
        <Button
          key={to}
          label={translate('resources.measures.move', { status: status(to) })}
          onClick={() => (to === 'cancelled' ? setTarget(to) : void move(to))}
        />
      ))}
      <ReasonDialog
        open={target !== null}
        title={translate('resources.measures.move_title', { status: target ? status(target) : '' })}
        hint={translate('resources.measures.move_title', { status: target ? status(target) : '' })}
        reasonLabel={translate('resources.measures.move_reason')}
        confirmLabel={translate('app.common.submit')}
        onCancel={() => setTarget(null)}
        onConfirm={(reason) => target && void move(target, reason)}
      />
    </>
  );
}

export default function MeasureShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <MoveButtons />
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="householdId" reference="assistance-households" link="show">
          <TextField source="householdNo" />
        </ReferenceField>
        <AreaField source="areaCode" />
        <EnumField source="category" name="MeasureCategory" />
        <TextField source="type" />
        <TextField source="description" emptyText="—" />
        <YuanField source="amountFen" />
        <NumberField source="quantity" emptyText="—" />
        <TextField source="unit" emptyText="—" />
        <DayField source="startDate" />
        <DayField source="endDate" />
        <TextField source="helperName" emptyText="—" />
        <TextField source="projectId" emptyText="—" />
        <EnumField source="status" name="MeasureStatus" chip />
        <MeasureSteps />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
