import { daysBetween, shanghaiDateOf } from '@fupin/reference';

/** A visit entered more than this many days after it happened is flagged as a late entry (补录). */
export const LATE_ENTRY_DAYS = 10;

/** How late a visit is entered, counted in Shanghai calendar days. */
export function entryDelay(visitDay: string, recordedAt: Date): { days: number; late: boolean } {
  const days = daysBetween(visitDay, shanghaiDateOf(recordedAt));
  return { days, late: days > LATE_ENTRY_DAYS };
}

/** Photos the service keeps: the declared type must match the file's own first bytes. */
export const PHOTO_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) =>
    b.length > 8 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.length > 12 &&
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export const MAX_PHOTOS_PER_VISIT = 9;
