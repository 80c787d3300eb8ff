import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { type ReactElement, type ReactNode, useState } from 'react';
import {
  Button,
  DateInput,
  Form,
  FormDataConsumer,
  SaveButton,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { pick, problemOf, useNotifyProblem } from '../../../providers/problem';
import { DROPOUT_CLOSE_REASONS, today, type DropoutCase } from '../support.api';
import { dropoutCalls } from './dropout.api';

const l = (k: string) => `resources.support-dropout-cases.${k}`;

/** A step of the case in a dialog: its form, sent, then the case reloaded. */
function StepDialog(props: {
  label: string;
  icon: ReactElement;
  defaults: Record<string, unknown>;
  send: (c: DropoutCase, v: Record<string, unknown>) => Promise<unknown>;
  done: string;
  children: ReactNode;
}) {
  const translate = useTranslate();
  const c = useRecordContext<DropoutCase>();
  const [open, setOpen] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!c) return null;
  return (
    <>
      <Button
        label={props.label}
        onClick={() => {
          setRefused([]);
          setOpen(true);
        }}
      >
        {props.icon}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(props.label)}</DialogTitle>
        <DialogContent>
          <Form
            record={props.defaults}
            onSubmit={async (v: Record<string, unknown>) => {
              try {
                await props.send(c, v);
                notify(props.done, { type: 'info' });
                setOpen(false);
                refresh();
              } catch (err) {
                // A refusal with reasons (no owner yet, no follow-up …) lists each of them here.
                const p = problemOf(err);
                if (p?.errors?.length)
                  setRefused([pick(p.message), ...p.errors.map((e) => pick(e.message))]);
                else notifyProblem(err);
              }
            }}
          >
            {refused.length ? (
              <Alert severity="error" sx={{ mb: 2 }} data-testid="step-refused">
                {refused.map((r) => (
                  <div key={r}>{r}</div>
                ))}
              </Alert>
            ) : null}
            {props.children}
            <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
              <SaveButton label="app.common.submit" alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}

/**
 * 包保责任人、跟踪记录、销号 — the actions of an open case. Closing needs an owner and at least
 * one follow-up (the service refuses otherwise, and says why); a return to school names the
 * school.
 */
export function DropoutActions() {
  const c = useRecordContext<DropoutCase>();
  const { canAccess } = useCanAccess({ resource: 'support-dropout-cases', action: 'create' });
  if (!c || c.status !== 'open' || !canAccess) return null;
  return (
    <>
      <StepDialog
        label={l(c.owner ? 'change_owner' : 'assign_owner')}
        icon={<AssignmentIndIcon />}
        defaults={{ name: c.owner?.name ?? '', unit: c.owner?.unit ?? '' }}
        send={(x, v) =>
          dropoutCalls.assignOwner(x, { name: String(v.name), unit: (v.unit as string) ?? null })
        }
        done={l('owner_assigned')}
      >
        <TextInput
          source="name"
          label={l('fields.owner.name')}
          validate={[required(), maxLength(50)]}
          fullWidth
        />
        <TextInput
          source="unit"
          label={l('fields.owner.unit')}
          validate={maxLength(100)}
          fullWidth
        />
      </StepDialog>
      <StepDialog
        label={l('add_follow_up')}
        icon={<NoteAddIcon />}
        defaults={{ on: today() }}
        send={(x, v) => dropoutCalls.followUp(x, String(v.on), String(v.note))}
        done={l('follow_up_added')}
      >
        <DateInput source="on" label={l('follow_up.on')} validate={required()} />
        <TextInput
          source="note"
          label={l('follow_up.note')}
          multiline
          minRows={3}
          fullWidth
          validate={[required(), maxLength(2000)]}
        />
      </StepDialog>
      <StepDialog
        label={l('close')}
        icon={<DoneAllIcon />}
        defaults={{ reason: 'returned_to_school' }}
        send={(x, v) =>
          dropoutCalls.close(x, {
            reason: String(v.reason),
            note: String(v.note),
            school: v.reason === 'returned_to_school' ? String(v.school ?? '') : null,
          })
        }
        done={l('closed_done')}
      >
        <EnumInput
          source="reason"
          name="DropoutCloseReason"
          codes={DROPOUT_CLOSE_REASONS}
          label={l('fields.closeReason')}
          validate={required()}
          fullWidth
        />
        <FormDataConsumer>
          {({ formData }) =>
            formData.reason === 'returned_to_school' ? (
              <TextInput
                source="school"
                label={l('fields.returnedTo')}
                validate={[required(), maxLength(100)]}
                fullWidth
              />
            ) : null
          }
        </FormDataConsumer>
        <TextInput
          source="note"
          label={l('fields.closeNote')}
          multiline
          minRows={2}
          fullWidth
          validate={[required(), maxLength(2000)]}
        />
      </StepDialog>
    </>
  );
}
