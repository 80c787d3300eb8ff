// Where a guarantee's state comes from, in words (pure: the card and its test read it).

export type State = 'met' | 'not_met' | 'unknown';

/** One guarantee as the registry answers it (older answers have only `met` and `note`). */
export interface GuaranteeView {
  state?: State;
  met?: boolean;
  note?: string | null;
  source?: 'derived' | 'typed' | 'none';
  derived?: { state: State; fact: string | null } | null;
  typed?: {
    state: State;
    reason: string | null;
    actorName: string | null;
    legacy?: boolean;
  } | null;
}

export const stateOf = (g: GuaranteeView | undefined): State =>
  g?.state ?? (g?.met === undefined ? 'unknown' : g.met ? 'met' : 'not_met');

type Translate = (key: string, args?: Record<string, unknown>) => string;

/** The fact a derived value follows, in words (由住房等级C级推定 …). */
export function factText(
  fact: string,
  members: { id: string; name: string }[],
  t: Translate,
): string {
  const plain: Record<string, string> = {
    'members:medical_insurance': 'members_medical_insurance',
    'support:coverage': 'support_coverage',
    'members:in_school': 'members_in_school',
    'support:enrollment': 'support_enrollment',
    no_compulsory_age_children: 'no_compulsory_age_children',
    'village:safe_water': 'village_safe_water',
    'village:no_safe_water': 'village_no_safe_water',
  };
  if (plain[fact]) return t(`guarantees.fact.${plain[fact]}`);
  const grade = /^housing_grade:([ABCD])$/.exec(fact);
  if (grade) return t('guarantees.fact.housing_grade', { grade: grade[1] });
  const member = /^member:([^:]+):(.+)$/.exec(fact);
  if (member) {
    const name = members.find((m) => m.id === member[1])?.name ?? member[1]!;
    const what = member[2]!;
    if (what.startsWith('enrollment_'))
      return t('guarantees.fact.enrollment', { name, status: what.slice('enrollment_'.length) });
    if (
      [
        'no_medical_insurance',
        'coverage_not_enrolled',
        'dropout_case_open',
        'not_in_school',
      ].includes(what)
    )
      return t(`guarantees.fact.${what}`, { name });
  }
  return t('guarantees.fact.other', { fact });
}

/** Where a guarantee's state comes from, in words. */
export function sourceText(
  g: GuaranteeView | undefined,
  members: { id: string; name: string }[],
  t: Translate,
): string {
  const typed = g?.typed;
  const derived = g?.derived?.fact ? factText(g.derived.fact, members, t) : null;
  if (g?.source === 'typed' && typed) {
    const who = typed.legacy
      ? t('guarantees.source.legacy')
      : typed.reason
        ? t('guarantees.source.typed', { name: typed.actorName ?? '', reason: typed.reason })
        : t('guarantees.source.typed_no_reason', { name: typed.actorName ?? '' });
    return derived && g.derived
      ? `${who}${t('guarantees.source.derived_also', { state: t(`guarantees.state.${g.derived.state}`) })}`
      : who;
  }
  if (derived) return derived;
  if (!g?.state && g?.met !== undefined) return t('guarantees.source.legacy');
  return t('guarantees.source.none');
}

/** The household's `guaranteeFacts`: how far the derived values are behind support's events. */
export interface GuaranteeFacts {
  supportBehind: number | null;
  upToDate: boolean | null;
  asOf: string;
}

/**
 * Whether the derived 义务教育 and 基本医疗 are current, in words: current as of when, or how many
 * of support's events are not applied yet (a warning), or that it cannot be told (a warning).
 */
export function freshnessText(
  f: GuaranteeFacts,
  t: Translate,
  formatTime: (iso: string) => string,
): { warn: boolean; text: string } {
  if (f.upToDate === true)
    return { warn: false, text: t('guarantees.facts.up_to_date', { asOf: formatTime(f.asOf) }) };
  if (f.upToDate === false)
    return { warn: true, text: t('guarantees.facts.behind', { behind: f.supportBehind ?? '?' }) };
  return { warn: true, text: t('guarantees.facts.unmeasured') };
}

/**
 * A history entry's evidence in words where the registry wrote a code for it (a re-derivation
 * after a village's tap water changed, or under a newer derivation, the finding a 清退 was for);
 * anything else as written.
 */
export function evidenceText(evidence: string, t: Translate): string {
  const water = /^village:(\d{12}):tapWater$/.exec(evidence);
  if (water) return t('guarantees.evidence.village_tap_water', { code: water[1] });
  const derivation = /^derivation:v(\d+)$/.exec(evidence);
  if (derivation) return t('guarantees.evidence.derivation', { version: derivation[1] });
  // A 清退's notice names the matching finding it was opened for.
  const finding = /^finding:(.+)$/.exec(evidence);
  if (finding) return t('clearance.finding', { id: finding[1] });
  return evidence;
}
