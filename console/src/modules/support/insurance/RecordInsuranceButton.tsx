import EditNoteIcon from '@mui/icons-material/EditNote';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import {
  BooleanInput,
  Button,
  Form,
  SaveButton,
  Toolbar,
  required,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { useNotifyProblem } from '../../../providers/problem';
import { INSURANCE_KINDS, post, type InsuredPerson } from '../support.api';

/** 登记参保 from the list: one person, the listed year, one insurance at a time. */
export function RecordInsuranceButton() {
  const translate = useTranslate();
  const person = useRecordContext<InsuredPerson>();
  const { canAccess } = useCanAccess({ resource: 'support-insurance', action: 'create' });
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  if (!person || !canAccess) return null;
  const f = (k: string) => `resources.support-insurance.fields.${k}`;
  return (
    <>
      <Button
        label="resources.support-insurance.record"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <EditNoteIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>
          {translate('resources.support-insurance.record_title', {
            name: person.name,
            year: person.year,
          })}
        </DialogTitle>
        <DialogContent>
          <Form
            record={{ kind: 'basic_medical', enrolled: !person.basic_medical }}
            onSubmit={async (v: Record<string, unknown>) => {
              try {
                await post('/health/insurance', {
                  personId: person.id,
                  year: person.year,
                  kind: v.kind,
                  enrolled: Boolean(v.enrolled),
                });
                notify('resources.support-insurance.recorded', { type: 'info' });
                setOpen(false);
                refresh();
              } catch (err) {
                notifyProblem(err);
              }
            }}
          >
            <EnumInput
              source="kind"
              name="InsuranceKind"
              codes={INSURANCE_KINDS}
              label={f('kind')}
              validate={required()}
            />
            <BooleanInput source="enrolled" label={f('enrolled')} />
            <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
              <SaveButton label="app.common.submit" alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}
