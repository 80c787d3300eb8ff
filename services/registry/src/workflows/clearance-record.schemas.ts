import { calendarDay, zmsg } from '@fupin/kit';
import { z } from 'zod';

/** The body of a 补录 清退: its dates, the approval document, the reason, the finding. */

const day = calendarDay;

export const clearanceRecordSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(2, zmsg('请填写清退理由（至少2个字）', 'give the reason (at least 2 characters)'))
    .max(500, zmsg('不能超过500个字符', 'at most 500 characters')),
  appraisedOn: day,
  noticeStartsOn: day,
  noticeEndsOn: day,
  reviewedOn: day,
  approvedOn: day,
  /** 审定文号, e.g. 临扶组发〔2019〕12号. */
  document: z
    .string()
    .trim()
    .min(2, zmsg('请填写县级审定文号', 'give the number of the approval document'))
    .max(200, zmsg('不能超过200个字符', 'at most 200 characters')),
  /** References to further evidence (document numbers, file ids, links), not the files. */
  evidence: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
  /** The matching finding the 清退 was for, when there was one. */
  findingId: z.string().trim().min(1).max(64).optional(),
  revision: z.number().int().positive().optional(),
});
export type ClearanceRecordBody = z.output<typeof clearanceRecordSchema>;
