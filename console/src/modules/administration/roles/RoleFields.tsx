import { type FieldProps, useFieldValue, useRecordContext, useTranslate } from 'react-admin';
import { DEPARTMENTS } from '../users/codes';
import { RightsTable } from '../users/RightsInput';

/** A role's name in the current language (the catalogue carries both). */
export const RoleNameField = (_props: FieldProps) => {
  const translate = useTranslate();
  const r = useRecordContext<{ id: string }>();
  return <span>{r ? translate(`enums.Role.${r.id}`, { _: r.id }) : ''}</span>;
};

/** Default rights; a department role's depend on the department, one grid each. */
export const DefaultRightsField = (props: FieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue(props) as Record<string, unknown> | undefined;
  const r = useRecordContext<{ needsDepartment: boolean }>();
  if (!value || !r) return null;
  if (!r.needsDepartment) return <RightsTable rights={value as Record<string, string[]>} />;
  return (
    <div>
      {DEPARTMENTS.filter((d) => value[d]).map((d) => (
        <div key={d}>
          <strong>{translate(`enums.Department.${d}`)}</strong>
          <RightsTable rights={value[d] as Record<string, string[]>} />
        </div>
      ))}
    </div>
  );
};
