import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

type Values = Record<string, string | number | boolean | null>;

type Entry = {
  subjectType: string;
  before?: Values | null;
  after?: Values | null;
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
    const guarantee = /^guarantees\.(.+)$/.exec(f);
    if (guarantee) return translate(`enums.Guarantee.${guarantee[1]}`, { _: f });
    if (!resource) return translate(`auditChange.fields.${f.replace(/\./g, '_')}`, { _: f });
    const member = /^members\.(.+)$/.exec(f);
    return member
      ? `${translate('resources.members.name', { smart_count: 1 })}·${translate(`resources.members.fields.${member[1]}`, { _: f })}`
      : translate(`resources.${resource}.fields.${f}`, { _: f });
  };
  return <span>{e.fields.map(label).join('、')}</span>;
};

/**
 * What a decision changed (a guarantee stated by hand, the exit conditions, the poverty line):
 * each value before → after, the ones that changed first.
 */
export const AuditChangeField = (_props: FieldProps) => {
  const translate = useTranslate();
  const e = useRecordContext<Entry>();
  if (!e?.before && !e?.after) return <span>—</span>;
  const before = e.before ?? {};
  const after = e.after ?? {};
  const show = (k: string, v: unknown) => {
    if (v === undefined || v === null) return translate('auditChange.none');
    if (k === 'fen' && typeof v === 'number')
      return translate('auditChange.yuan', { yuan: v / 100 });
    return translate(`auditChange.values.${String(v)}`, { _: String(v) });
  };
  const name = (k: string) => translate(`auditChange.fields.${k.replace(/\./g, '_')}`, { _: k });
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(
    (a, b) => Number(before[a] === after[a]) - Number(before[b] === after[b]),
  );
  return (
    <span style={{ display: 'flex', flexDirection: 'column' }}>
      {keys.map((k) => (
        <span key={k} style={{ opacity: before[k] === after[k] ? 0.6 : 1 }}>
          {name(k)}: {show(k, before[k])} {translate('auditChange.arrow')} {show(k, after[k])}
        </span>
      ))}
    </span>
  );
};
