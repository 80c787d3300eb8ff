import { z } from 'zod';

// 一户一档 — one household's record across the services (issue 23). Each service serves its own
// part at `GET /dossier/households/{id}` (its read right, the caller's area scope; 404 when the
// household is outside it or unknown to the service), and the gateway assembles the parts into
// `GET /households/{id}/dossier` without any service reading another's database. These are the
// shapes the parts share; each part's `sections` are its own, documented in its OpenAPI file.

export const DOSSIER_PARTS = ['registry', 'assistance', 'funds', 'support', 'matching'] as const;
export type DossierPartName = (typeof DOSSIER_PARTS)[number];

const bilingualSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

/** One dated thing that happened to the household, as its service tells it. */
export const dossierTimelineEntrySchema = z.object({
  /** When it happened (a date-time; a day-only fact is its day's start in Asia/Shanghai). */
  at: z.string().datetime({ offset: true }),
  /** A code of the kind of thing (`status_changed`, `visit`, `payment`, `finding` …). */
  kind: z.string().min(1),
  label: bilingualSchema,
  /** The console resource and id that shows it, when one does. */
  ref: z.object({ resource: z.string().min(1), id: z.string().min(1) }).optional(),
});
export type DossierTimelineEntry = z.infer<typeof dossierTimelineEntrySchema>;

/** What one service answers for one household. */
export const dossierPartSchema = z.object({
  part: z.enum(DOSSIER_PARTS),
  householdId: z.string().min(1),
  /** When the service read it. */
  generatedAt: z.string().datetime({ offset: true }),
  /**
   * How far the service's view of the registry is behind (the events not yet applied); a part
   * read from a lagging view says so instead of passing for current. Absent for the registry.
   */
  behind: z.object({ events: z.number().int().min(0), message: bilingualSchema }).optional(),
  sections: z.record(z.string(), z.unknown()),
  timeline: z.array(dossierTimelineEntrySchema),
});
export type DossierPart = z.infer<typeof dossierPartSchema>;
