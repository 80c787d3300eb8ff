import type {
  AssistanceApi,
  FundsApi,
  GatewayApi,
  MatchingApi,
  RegistryApi,
  SupportApi,
} from '../../../providers/api-types';
import { httpClient } from '../../../providers/http';
import type { Bilingual } from '../../../providers/problem';

type G = GatewayApi.components['schemas'];

export type DossierPartName = G['DossierPartName'];
export type TimelineEntry = G['DossierTimelineEntry'];

// Each part's sections as its own service documents them (its OpenAPI file); the gateway passes
// them through untouched.
export type RegistrySections = RegistryApi.components['schemas']['RegistryDossierPart']['sections'];
export type AssistanceSections =
  AssistanceApi.components['schemas']['AssistanceDossierPart']['sections'];
export type FundsSections = FundsApi.components['schemas']['FundsDossierPart']['sections'];
export type SupportSections = SupportApi.components['schemas']['SupportDossierSections'];
export type MatchingSections = MatchingApi.components['schemas']['MatchingDossierPart']['sections'];

interface SectionsOf {
  registry: RegistrySections;
  assistance: AssistanceSections;
  funds: FundsSections;
  support: SupportSections;
  matching: MatchingSections;
}

/** A part the service answered: its sections, and how far behind the registry it is, if it is. */
export interface OkPart<N extends DossierPartName> {
  status: 'ok';
  part: N;
  generatedAt: string;
  behind?: { events: number; message: Bilingual };
  sections: SectionsOf[N];
}

/** A part left out: no right to it, nothing of the household there, or no answer — and why. */
export interface LeftOutPart<N extends DossierPartName> {
  status: 'no_right' | 'not_found' | 'unavailable';
  part: N;
  message: Bilingual;
}

export type PartView<N extends DossierPartName> = OkPart<N> | LeftOutPart<N>;

/** 一户一档 — one household's record, every service's part and one timeline, newest first. */
export interface Dossier {
  householdId: string;
  generatedAt: string;
  parts: PartView<DossierPartName>[];
  timeline: TimelineEntry[];
  /** Timeline entries beyond the gateway's limit, left out (the oldest). */
  timelineOmitted: number;
}

/** One part of the dossier, typed by its name; undefined when the gateway did not list it. */
export const partOf = <N extends DossierPartName>(d: Dossier, name: N): PartView<N> | undefined =>
  d.parts.find((p) => p.part === name) as PartView<N> | undefined;

/** The dossier's calls, as data-provider methods (registryCalls). */
export const dossierCalls = {
  /** 一户一档: GET /households/{id}/dossier, the gateway's own route (not under /api). */
  householdDossier: async (id: string): Promise<Dossier> =>
    (await httpClient(`/households/${encodeURIComponent(id)}/dossier`)).json as Dossier,
};
