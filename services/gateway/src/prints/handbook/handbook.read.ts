import type { DossierPartName } from '@fupin/contracts';
import type { Dossier } from '../../dossier/dossier.assembly';

// The parts of a dossier the handbook prints, read as the registry and assistance serve them
// (their sections are documented in each service's OpenAPI file). A part left out reads as
// null with the reason it was left out, so the page says why instead of printing nothing.

export interface HouseholdFacts {
  id: string;
  householdNo: string;
  areaCode: string;
  address: string;
  status: string;
  statusLabel: { 'zh-CN': string };
  attribute: string | null;
  mainCause: string | null;
  otherCauses: string[];
  size: number;
  headName: string;
  identificationYear: number | null;
  exitYear: number | null;
  phone: string | null;
}

export interface MemberFacts {
  id: string;
  name: string;
  relation: string;
  sex: string;
  birthDate: string;
  idNumber: string;
  health: string | null;
  labourCapacity: string | null;
  educationLevel: string | null;
  inSchool: boolean;
  phone: string | null;
  status: string;
}

export interface IncomeFacts {
  year: number;
  wagesFen: number;
  productionFen: number;
  propertyFen: number;
  transferFen: number;
  totalFen: number;
  perCapitaFen: number | null;
  povertyLineFen: number | null;
  belowLine: boolean | null;
}

export interface HelperFacts {
  name: string;
  unit: string;
  role: string;
  phone: string | null;
  status: 'active' | 'ended';
}

export interface PlanFacts {
  summary: string;
  causes: { mainCause: string | null; otherCauses: string[] };
  targets: {
    year: number;
    perCapitaIncomeFen: number | null;
    guarantees: string[];
    exit: boolean;
    note: string | null;
  }[];
  progressPercent: number;
  progress: { items: { date: string; percent: number; note: string; by: string }[] };
}

export interface MeasureFacts {
  category: string;
  type: string;
  description: string;
  status: string;
  amountFen: number | null;
  startDate: string | null;
  endDate: string | null;
  helperName: string | null;
}

export interface VisitFacts {
  date: string;
  helperName: string;
  findings: string;
  actions: string;
  nextSteps: string;
}

/** A part's sections, or why it is left out. */
type Read<T> = { ok: true; sections: T } | { ok: false; why: string };

function partOf<T>(d: Dossier, name: DossierPartName): Read<T> {
  const p = d.parts.find((x) => x.part === name);
  if (!p) return { ok: false, why: `「${name}」部分缺失` };
  if (p.status !== 'ok') return { ok: false, why: p.message['zh-CN'] };
  return { ok: true, sections: p.sections as T };
}

interface RegistrySections {
  household: HouseholdFacts;
  members: { items: MemberFacts[] };
  incomeByYear: { items: IncomeFacts[] };
}

interface AssistanceSections {
  helpers: { items: HelperFacts[] };
  plan: PlanFacts | null;
  measures: { items: MeasureFacts[]; amountFen: number };
  visits: { items: VisitFacts[]; total: number };
}

export const registryOf = (d: Dossier) => partOf<RegistrySections>(d, 'registry');
export const assistanceOf = (d: Dossier) => partOf<AssistanceSections>(d, 'assistance');

/** The household's facts: the registry part is always there (the dossier needs it). */
export function householdOf(d: Dossier): HouseholdFacts {
  const r = registryOf(d);
  if (!r.ok) throw new Error('a dossier without its registry part cannot be printed');
  return r.sections.household;
}

/** 帮扶责任人: the key helper in force first, then the other current ones. */
export function currentHelpers(d: Dossier): HelperFacts[] {
  const a = assistanceOf(d);
  if (!a.ok) return [];
  const now = a.sections.helpers.items.filter((h) => h.status === 'active');
  return [...now.filter((h) => h.role === 'key'), ...now.filter((h) => h.role !== 'key')];
}
