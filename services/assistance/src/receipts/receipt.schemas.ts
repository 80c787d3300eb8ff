import { BENEFIT_SOURCES } from '@fupin/contracts';
import { areaCode12, zmsg } from '@fupin/kit';
import { RECEIPT_RESULTS } from '@fupin/reference';
import { z } from 'zod';
import { fen, id, text } from '../common/schemas';

/** A source's ledger row id: composite ids (`<record>:<payee>`, `<loan>:discount:<year>`) run past 64. */
const rowId = z.string().trim().min(1).max(200);

const item = z.strictObject({
  source: z.enum(BENEFIT_SOURCES),
  rowId,
  amountFen: fen,
  result: z.enum(RECEIPT_RESULTS),
  note: text(500).default(''),
});

export const receiptCreateSchema = z
  .strictObject({
    items: z.array(item).min(1, zmsg('至少确认一笔', 'confirm at least one payment')).max(100),
    signaturePhotoId: id.nullish(),
    confirmationCode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{4,12}$/, zmsg('确认码为4至12位字母或数字', '4 to 12 letters or digits'))
      .nullish(),
  })
  .refine((v) => new Set(v.items.map((i) => `${i.source}:${i.rowId}`)).size === v.items.length, {
    path: ['items'],
    message: zmsg('同一笔资金只能确认一次', 'each payment once'),
  });
export type ReceiptCreate = z.output<typeof receiptCreateSchema>;

export const receiptFilterSchema = z.strictObject({
  area: areaCode12.optional(),
  householdId: id.optional(),
  visitId: id.optional(),
  result: z.enum(RECEIPT_RESULTS).optional(),
});
export type ReceiptFilter = z.output<typeof receiptFilterSchema>;

export const RECEIPT_SORTABLE = ['recordedAt', 'visitDate', 'householdNo', 'areaCode'];

/**
 * The gateway's read: every receipt of a household, or of a village or township (by default
 * the caller's whole area).
 */
export const receiptLedgerQuery = z
  .strictObject({ householdId: id.optional(), areaCode: areaCode12.optional() })
  .refine((q) => q.householdId === undefined || q.areaCode === undefined, {
    path: ['areaCode'],
    message: zmsg('householdId 与 areaCode 只能给出其一', 'give householdId or areaCode, not both'),
  });
