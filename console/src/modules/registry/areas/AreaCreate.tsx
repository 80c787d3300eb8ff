import { Create, SimpleForm, TextInput, maxLength, regex, required } from 'react-admin';

export default function AreaCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <TextInput
          source="code"
          validate={[required(), regex(/^\d{12}$/, 'app.validation.area_code')]}
        />
        <TextInput source="name" validate={[required(), maxLength(100)]} />
      </SimpleForm>
    </Create>
  );
}
