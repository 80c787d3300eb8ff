import type { ReactElement } from 'react';
import { DateInput, TextField, TextInput, maxLength, required, type Validator } from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import type { HealthCaseKind } from './kinds';

/** One field of a case as shown on the list and the show page. */
export function caseField(kind: HealthCaseKind, source: string): ReactElement {
  const f = kind.fields[source];
  switch (f?.type) {
    case 'area':
      return <AreaField key={source} source={source} />;
    case 'day':
      return <DayField key={source} source={source} />;
    case 'status':
      return <EnumField key={source} source={source} name={kind.status.name} chip />;
    default:
      // A text the user may leave blank shows a dash; the name and required ones never are.
      return (
        <TextField
          key={source}
          source={source}
          emptyText={f?.max && !f.required ? '—' : undefined}
        />
      );
  }
}

/** One field of a case as typed in, with the service's limits. */
export function caseInput(kind: HealthCaseKind, source: string): ReactElement {
  const f = kind.fields[source];
  const validate: Validator[] = [
    ...(f?.required ? [required()] : []),
    ...(f?.max ? [maxLength(f.max)] : []),
  ];
  if (f?.type === 'day') return <DateInput key={source} source={source} validate={validate} />;
  if (f?.type === 'note') {
    return <TextInput key={source} source={source} multiline fullWidth validate={validate} />;
  }
  return <TextInput key={source} source={source} validate={validate} />;
}
