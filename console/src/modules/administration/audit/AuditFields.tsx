import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

type Entry = {
  subjectType: string;
  fields: string[];
  reason: string | null;
  actorId: string;
  actorName: string | null;
};

const RESOURCE_OF: Record<string, string> = { user: 'users', household: 'households' };

/**
 * The gateway files its own events (sign-in failures, user changes) with fixed reasons and
 * a system actor; those are shown in the current language. Reasons people typed (why they
 * unmasked or exported) are shown as written.
 */
export const AuditReasonField = (_props: FieldProps) => {
  const translate = useTranslate();
  const e = useRecordContext<Entry>();
  if (!e?.reason) return <span>—</span>;
  const key = e.reason.trim().toLowerCase().replace(/\s+/g, '_');
  return (
    <span>
      {/^[a-z_]+$/.test(key) ? translate(`enums.AuditReason.${key}`, { _: e.reason }) : e.reason}
    </span>
  );
};

export const AuditActorField = (_props: FieldProps) => {
  const translate = useTranslate();
  const e = useRecordContext<Entry>();
  if (!e) return null;
  const name = e.actorName ?? e.actorId;
  return <span>{translate(`enums.AuditActor.${name}`, { _: name })}</span>;
};

/** The fields an entry concerns, by their names on the subject's pages. */
export const AuditSubjectFieldsField = (_props: FieldProps) => {
  const translate = useTranslate();
  const e = useRecordContext<Entry>();
  if (!e?.fields?.length) return <span>—</span>;
  const resource = RESOURCE_OF[e.subjectType];
  const label = (f: string) => {
    if (!resource) return f;
    const member = /^members\.(.+)$/.exec(f);
    return member
      ? `${translate('resources.members.name', { smart_count: 1 })}·${translate(`resources.members.fields.${member[1]}`, { _: f })}`
      : translate(`resources.${resource}.fields.${f}`, { _: f });
  };
  return <span>{e.fields.map(label).join('、')}</span>;
};
