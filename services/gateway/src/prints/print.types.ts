import type { BenefitRow, BenefitSource, DossierPartName } from '@fupin/contracts';
import type { Bilingual, PdfDocument } from '@fupin/kit';
import type { Dossier } from '../dossier/dossier.assembly';

// What a printed document of households (扶贫手册, 明白卡) is made from, and what a renderer of
// one kind is: the job and the single-household route read the same inputs and hand each
// household to the kind's renderer, one household starting on a new page.

export const PRINT_KINDS = ['handbook', 'card'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

/**
 * Personal data in clear, read from the registry's own unmask path (which audits it) when the
 * caller has the unmask right and gave a reason; absent, the dossier's masked values print.
 */
export interface ClearPersonalData {
  /** The household's phone. */
  phone: string | null;
  /** By the registry's member id. */
  members: Record<string, { idNumber: string; phone: string | null }>;
}

/** One household as printed: its dossier, its 受益底册 rows, and its personal data in clear. */
export interface PrintHousehold {
  dossier: Dossier;
  rows: BenefitRow[];
  clear: ClearPersonalData | null;
  /** The 受益底册 sources left out (no right, or no answer): their rows are missing. */
  sourcesLeftOut?: BenefitSource[];
  /** Why each of them is missing, in both languages. */
  leftOutMessages?: Bilingual[];
}

export interface PrintContext {
  /** The year printed on the cover and whose targets and benefits stand out. */
  year: number;
  /** The village's name (the registry's), or its code when the name was not read. */
  villageName: string;
  /** When the file is made (shown in Asia/Shanghai). */
  now: Date;
}

/** Draws one kind of document for a household, from the current (new) page on. */
export interface PrintRenderer {
  /** The document's title for a village or a household (`扶贫手册-…`). */
  title: (subject: string) => string;
  /** The dossier parts it prints from (the registry's always): only these are asked. All by default. */
  parts?: readonly DossierPartName[];
  draw: (doc: PdfDocument, household: PrintHousehold, ctx: PrintContext) => void;
}
