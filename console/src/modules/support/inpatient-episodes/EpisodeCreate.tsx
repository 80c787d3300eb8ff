import { Create, SimpleForm, required } from 'react-admin';
import { PersonInput } from '../SupportInputs';
import { HalfGuard } from '../SupportFields';
import { EpisodeInputs } from './EpisodeInputs';

/**
 * 登记住院报账 — an in-patient episode with what basic insurance, serious-illness insurance
 * and medical assistance paid; the service computes the ratio and the top-up owed.
 */
export default function EpisodeCreate() {
  return (
    <HalfGuard half="health">
      <Create redirect="show">
        <SimpleForm
          defaultValues={{
            basicInsuranceFen: 0,
            seriousIllnessInsuranceFen: 0,
            medicalAssistanceFen: 0,
            treatFirstPayLater: true,
          }}
        >
          <PersonInput source="personId" validate={required()} />
          <EpisodeInputs />
        </SimpleForm>
      </Create>
    </HalfGuard>
  );
}
