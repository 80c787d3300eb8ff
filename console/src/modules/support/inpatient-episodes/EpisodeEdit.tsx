import { Edit, Labeled, SimpleForm, TextField } from 'react-admin';
import { HalfGuard } from '../SupportFields';
import { EpisodeInputs } from './EpisodeInputs';

/** 更正住院报账 — only before any top-up is paid (the service refuses afterwards). */
export default function EpisodeEdit() {
  return (
    <HalfGuard half="health">
      <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          <EpisodeInputs />
        </SimpleForm>
      </Edit>
    </HalfGuard>
  );
}
