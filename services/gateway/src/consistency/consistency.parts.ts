import type { DossierPartName } from '@fupin/contracts';
import { z } from 'zod';
import type { Dossier, DossierPartView } from '../dossier/dossier.assembly';
import type { Causes, RegistryMember, SupportPerson } from './consistency.rules';

// What the consistency check reads of an assembled dossier: the registry's members and causes,
// the plan's causes, support's persons — and which parts were left out or behind, so a check
// made without a part says so instead of passing for clean. Pure.

const causesSchema = z.object({
  mainCause: z.string().nullable(),
  otherCauses: z.array(z.string()).default([]),
});
const registrySchema = z.object({
  household: causesSchema,
  members: z.object({
    items: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
  }),
});
const assistanceSchema = z.object({ plan: z.object({ causes: causesSchema }).nullable() });
const personItems = <T extends z.ZodRawShape>(extra: T) =>
  z
    .object({ items: z.array(z.object({ personId: z.string(), name: z.string(), ...extra })) })
    .optional();
const supportSchema = z.object({
  students: personItems({}),
  inpatient: personItems({}),
  insurance: personItems({
    memberStatus: z.string().optional(),
    years: z.array(z.record(z.string(), z.unknown())).default([]),
  }),
});

/** A part the check could not use, and why (as the dossier says it). */
export interface PartGap {
  part: DossierPartName;
  status: 'no_right' | 'not_found' | 'unavailable' | 'malformed' | 'behind';
  /** For `behind`: the events the service's view has not applied yet. */
  events?: number;
}

export interface CheckedParts {
  members: RegistryMember[] | null;
  registryCauses: Causes | null;
  /** Undefined when the assistance part is left out; null when the household has no plan. */
  planCauses: Causes | null | undefined;
  /** Null when the support part is left out. */
  persons: SupportPerson[] | null;
  gaps: PartGap[];
}

/** The parts the check compares (funds' payments come from the area's 受益底册 rows). */
export const CHECKED_PARTS = ['registry', 'assistance', 'support'] as const;

const partOf = (d: Dossier, name: DossierPartName): DossierPartView | undefined =>
  d.parts.find((p) => (p.status === 'ok' ? p.part === name : p.part === name));

/**
 * An insured person: one support still holds for a member, enrolled in some insurance in some
 * year (a member support itself knows as removed is the registry's own record, not a conflict).
 */
const insured = (years: Record<string, unknown>[]) =>
  years.some((y) => Object.values(y).includes('enrolled'));

export function checkedParts(d: Dossier): CheckedParts {
  const gaps: PartGap[] = [];
  const sectionsOf = <S extends z.ZodTypeAny>(name: DossierPartName, schema: S) => {
    const view = partOf(d, name);
    if (!view) return undefined;
    if (view.status !== 'ok') {
      // Support and assistance hold nothing of a household they do not know: nothing to compare.
      if (view.status !== 'not_found' || name === 'registry')
        gaps.push({ part: name, status: view.status });
      return view.status === 'not_found' ? null : undefined;
    }
    if (view.behind) gaps.push({ part: name, status: 'behind', events: view.behind.events });
    const parsed = schema.safeParse(view.sections);
    if (!parsed.success) {
      gaps.push({ part: name, status: 'malformed' });
      return undefined;
    }
    return parsed.data as z.output<S>;
  };
  const registry = sectionsOf('registry', registrySchema);
  const assistance = sectionsOf('assistance', assistanceSchema);
  const support = sectionsOf('support', supportSchema);
  let persons: SupportPerson[] | null = null;
  if (support === null) persons = [];
  else if (support) {
    persons = [
      ...(support.students?.items ?? []).map((x) => ({ ...x, source: 'student' as const })),
      ...(support.inpatient?.items ?? []).map((x) => ({ ...x, source: 'inpatient' as const })),
      ...(support.insurance?.items ?? [])
        .filter((x) => x.memberStatus !== 'removed' && insured(x.years))
        .map((x) => ({ personId: x.personId, name: x.name, source: 'insured' as const })),
    ];
  }
  return {
    members: registry ? registry.members.items : null,
    registryCauses: registry ? registry.household : null,
    planCauses:
      assistance === null ? null : assistance ? (assistance.plan?.causes ?? null) : undefined,
    persons,
    gaps,
  };
}
