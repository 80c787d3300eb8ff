import {
  ArrayInput,
  Create,
  DateInput,
  maxLength,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { AreaInput, enumChoices } from '../../../common/inputs';

const m = (k: string) => `assessment.tasks.${k}`;

/** The form's values as the service takes them: a link only when both halves are given. */
const transform = (d: Record<string, unknown>) => {
  const link = d.link as { kind?: string; ref?: string } | undefined;
  return {
    ...d,
    leader: typeof d.leader === 'string' && d.leader.trim() ? d.leader.trim() : null,
    link: link?.kind && link.ref?.trim() ? { kind: link.kind, ref: link.ref.trim() } : null,
  };
};

/** 新增任务 — one row of the schedule entered by hand (the sheet's import does many). */
export default function TaskCreate() {
  return (
    <Create redirect="show" transform={transform}>
      <SimpleForm defaultValues={{ milestones: [] }}>
        <InputGrid>
          <TextInput source="code" validate={[required(), maxLength(40)]} />
          <TextInput source="ownerUnit" validate={[required(), maxLength(60)]} />
          <TextInput source="leader" validate={maxLength(60)} />
          <AreaInput source="areaCode" validate={required()} />
          <DateInput source="startOn" validate={required()} />
          <DateInput source="dueOn" validate={required()} />
        </InputGrid>
        <TextInput source="title" fullWidth validate={[required(), maxLength(200)]} />
        <ArrayInput source="milestones" label={m('milestones')}>
          <SimpleFormIterator inline>
            <TextInput
              source="title"
              label={m('milestone')}
              validate={[required(), maxLength(100)]}
            />
            <DateInput source="dueOn" label={m('milestone_due')} validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
        <InputGrid>
          <SelectInput
            source="link.kind"
            choices={enumChoices('TaskLinkKind', ['indicator', 'project'])}
          />
          <TextInput source="link.ref" validate={maxLength(64)} />
        </InputGrid>
      </SimpleForm>
    </Create>
  );
}
