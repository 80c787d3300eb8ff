import { cardRenderer } from './card/card.pdf';
import { handbookRenderer } from './handbook/handbook.pdf';
import type { PrintKind, PrintRenderer } from './print.types';

/**
 * The renderer of each kind of printed document. A kind without one yet is refused when asked
 * for (the job and the routes are the same for every kind).
 */
export const RENDERERS: Partial<Record<PrintKind, PrintRenderer>> = {
  handbook: handbookRenderer,
  card: cardRenderer,
};
