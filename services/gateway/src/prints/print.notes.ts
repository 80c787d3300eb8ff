import type { Bilingual } from '@fupin/kit';
import type { PrintHousehold } from './print.types';

/**
 * What a printed household rests on that is behind: each part read from a service's view of the
 * registry that has not caught up, said as the part says it — printed, so a paper copy does not
 * pass a lagging view for current (no silent staleness).
 */
export function behindNotes(h: PrintHousehold): Bilingual[] {
  return h.dossier.parts.flatMap((p) => (p.status === 'ok' && p.behind ? [p.behind.message] : []));
}
