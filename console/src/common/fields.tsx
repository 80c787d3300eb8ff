import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import {
  type FieldProps,
  ReferenceField,
  TextField,
  useFieldValue,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatDateTime, formatDay, formatPercent, formatYuan } from './format';

const Text = ({ children }: { children: string }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

/** A date as `YYYY-MM-DD` in Asia/Shanghai. */
export const DayField = (props: FieldProps) => <Text>{formatDay(useFieldValue(props))}</Text>;

/** An instant as `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export const DateTimeField = (props: FieldProps) => (
  <Text>{formatDateTime(useFieldValue(props))}</Text>
);

/** An amount kept in fen, shown in yuan: `1,234.56`. */
export const YuanField = (props: FieldProps) => <Text>{formatYuan(useFieldValue(props))}</Text>;

export const PercentField = (props: FieldProps) => (
  <Text>{formatPercent(useFieldValue(props))}</Text>
);

/** The label of one enum code (`enums.<name>.<code>`), as text or as a chip. */
export function EnumLabel({ name, code }: { name: string; code: unknown }) {
  const translate = useTranslate();
  if (code === null || code === undefined || code === '') return <Text>—</Text>;
  return <Text>{translate(`enums.${name}.${String(code)}`, { _: String(code) })}</Text>;
}

export const EnumField = ({
  name,
  chip,
  ...props
}: FieldProps & { name: string; chip?: boolean }) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return <Text>—</Text>;
  const label = translate(`enums.${name}.${String(value)}`, { _: String(value) });
  return chip ? <Chip size="small" label={label} /> : <Text>{label}</Text>;
};

/** Several enum codes, each as a small chip. */
export const EnumArrayField = ({ name, ...props }: FieldProps & { name: string }) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  const codes = Array.isArray(value) ? (value as unknown[]) : [];
  if (codes.length === 0) return <Text>—</Text>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {codes.map((c) => (
        <Chip
          key={String(c)}
          size="small"
          label={translate(`enums.${name}.${String(c)}`, { _: String(c) })}
        />
      ))}
    </span>
  );
};

/** Yes / no in the current language; nothing known shows a dash. */
export const YesNoField = (props: FieldProps) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value === null || value === undefined) return <Text>—</Text>;
  return <Text>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</Text>;
};

/** An area code shown as the area's name (the code on hover); the code itself when out of scope. */
export const AreaField = ({ source, ...props }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const code = record?.[source] as string | null | undefined;
  if (!code) return <Text>—</Text>;
  return (
    <ReferenceField {...props} source={source} reference="areas" link={false} emptyText={code}>
      <TextField source="name" title={code} />
    </ReferenceField>
  );
};
