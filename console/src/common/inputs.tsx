import MuiButton from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import MuiTextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import {
  AutocompleteInput,
  type AutocompleteInputProps,
  FieldTitle,
  type InputProps,
  ReferenceInput,
  SelectArrayInput,
  type SelectArrayInputProps,
  SelectInput,
  type SelectInputProps,
  useInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { codesOfEnum, type ReferenceEnumName } from '../i18n/enums';
import { fenToInputText, yuanTextToFen } from './format';

/** Choices of an enum: the codes, labelled by `enums.<name>.<code>` (translated by the input). */
export const enumChoices = (name: string, codes: readonly string[]) =>
  codes.map((code) => ({ id: code, name: `enums.${name}.${code}` }));

type EnumSource =
  { name: ReferenceEnumName; codes?: undefined } | { name: string; codes: readonly string[] };

export const EnumInput = ({
  name,
  codes,
  ...props
}: Omit<SelectInputProps, 'choices'> & EnumSource) => (
  <SelectInput
    {...props}
    choices={enumChoices(name, codes ?? codesOfEnum(name as ReferenceEnumName))}
  />
);

export const EnumArrayInput = ({
  name,
  codes,
  ...props
}: Omit<SelectArrayInputProps, 'choices'> & EnumSource) => (
  <SelectArrayInput
    {...props}
    choices={enumChoices(name, codes ?? codesOfEnum(name as ReferenceEnumName))}
  />
);

const yuanValidator: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? 'app.validation.yuan' : undefined;

/**
 * An amount typed in yuan (`1234.56`, `1,234.56`) and kept in the form as integer fen. The
 * text stays as typed while it is edited; text that is not an amount stays in the form as
 * text, which the validator refuses.
 */
export function YuanInput(props: InputProps & { fullWidth?: boolean }) {
  const translate = useTranslate();
  const validate = [
    yuanValidator,
    ...(Array.isArray(props.validate) ? props.validate : props.validate ? [props.validate] : []),
  ];
  const { field, fieldState, isRequired, id } = useInput({ ...props, validate });
  const [text, setText] = useState(() => fenToInputText(field.value));
  useEffect(() => {
    // A value set from outside (form reset, record loaded) replaces what was typed.
    if (typeof field.value === 'number' && yuanTextToFen(text) !== field.value) {
      setText(fenToInputText(field.value));
    } else if (field.value === null || field.value === undefined) {
      if (text !== '') setText('');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field.value]);
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <MuiTextField
      id={id}
      size="small"
      margin="dense"
      fullWidth={props.fullWidth}
      label={
        <FieldTitle
          label={props.label as string}
          source={props.source}
          resource={props.resource}
          isRequired={isRequired}
        />
      }
      value={text}
      inputMode="decimal"
      onBlur={field.onBlur}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const fen = yuanTextToFen(t);
        field.onChange(t.trim() === '' ? null : fen !== undefined ? fen : t);
      }}
      error={Boolean(error)}
      helperText={error ? translate(error, { _: error }) : ' '}
      slotProps={{
        input: {
          endAdornment: <span style={{ marginLeft: 4 }}>{translate('app.common.yuan_unit')}</span>,
        },
      }}
    />
  );
}

/** An area of the user's scope (the API lists no other), optionally of one level. */
export const AreaInput = ({
  level,
  source,
  ...props
}: Omit<AutocompleteInputProps, 'source'> & { source: string; level?: string }) => (
  <ReferenceInput
    source={source}
    reference="areas"
    filter={level ? { level, status: 'active' } : { status: 'active' }}
    sort={{ field: 'code', order: 'ASC' }}
    perPage={50}
  >
    <AutocompleteInput
      {...props}
      optionText={(a: { name: string; code: string }) => `${a.name}（${a.code}）`}
      filterToQuery={(q: string) => ({ q })}
    />
  </ReferenceInput>
);

/**
 * A file the form sends (an area workbook …): a button choosing it, the chosen file's name
 * beside it; the form's value is the File itself.
 */
export function FileChooserInput(
  props: Omit<InputProps, 'label'> & { label: string; accept: string; emptyText?: string },
) {
  const translate = useTranslate();
  const { field, fieldState } = useInput(props);
  const file = field.value instanceof File ? field.value : null;
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <>
      <MuiButton variant="outlined" component="label">
        {translate(props.label)}
        <input
          hidden
          type="file"
          name={props.source}
          accept={props.accept}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) field.onChange(f);
            e.target.value = '';
          }}
        />
      </MuiButton>
      {file ? (
        <Typography variant="body2" component="span" sx={{ ml: 2 }}>
          {file.name}
        </Typography>
      ) : null}
      <FormHelperText error={Boolean(error)}>
        {error ? translate(error, { _: error }) : ' '}
      </FormHelperText>
    </>
  );
}
