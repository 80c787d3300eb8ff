import { calendarDay, zmsg } from '@fupin/kit';
import { z } from 'zod';
import { NOTICE_CHANNELS, type NoticeChannel } from './workflow.types';
import {
  EXCLUSION_FLAGS,
  MONITORING_CATEGORIES,
  WORKFLOW_ACTIONS,
  WORKFLOW_KINDS,
} from './workflow.machine';

/** Request schemas of the workflow API. */

export const workflowParams = z.object({
  id: z.string().min(1).max(64),
  workflow: z.enum(WORKFLOW_KINDS),
});

const flags = Object.fromEntries(EXCLUSION_FLAGS.map((f) => [f, z.boolean()])) as Record<
  (typeof EXCLUSION_FLAGS)[number],
  z.ZodBoolean
>;

export const stepBodySchema = z.strictObject({
  action: z.enum(WORKFLOW_ACTIONS),
  reason: z
    .string()
    .trim()
    .min(2, zmsg('请填写理由（至少2个字）', 'give the reason (at least 2 characters)'))
    .max(500, zmsg('不能超过500个字符', 'at most 500 characters')),
  /** References to the evidence (document numbers, file ids, links), not the files themselves. */
  evidence: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  category: z.enum(MONITORING_CATEGORIES).optional(),
  exclusions: z.strictObject(flags).partial().optional(),
  justification: z.string().trim().max(500).optional(),
  /** 清退: the matching finding it is opened for. */
  findingId: z.string().trim().min(1).max(64).optional(),
  votes: z
    .strictObject({
      for: z.number().int().min(0),
      against: z.number().int().min(0),
      abstain: z.number().int().min(0).optional(),
    })
    .optional(),
  revision: z.number().int().positive().optional(),
});
export type StepBody = z.output<typeof stepBodySchema>;

export const proposalParams = z.object({
  id: z.string().min(1).max(64),
  findingId: z.string().min(1).max(64),
});

/** Confirming or dismissing an exclusion proposed from a finding. */
export const exclusionDecisionBody = z.strictObject({
  decision: z.enum(['confirm', 'dismiss']),
  reason: z
    .string()
    .trim()
    .min(2, zmsg('请填写理由（至少2个字）', 'give the reason (at least 2 characters)'))
    .max(500, zmsg('不能超过500个字符', 'at most 500 characters')),
  revision: z.number().int().positive().optional(),
});

const day = calendarDay;

/** 告知: the day the household was told, how, and (optionally) the text the township used. */
export const householdNoticeBody = z.strictObject({
  givenOn: day,
  channel: z.enum(Object.keys(NOTICE_CHANNELS) as [NoticeChannel, ...NoticeChannel[]]),
  text: z.string().trim().min(10).max(2000).optional(),
  revision: z.number().int().positive().optional(),
});

/** 答复: what the household answered, and whether it disputes the finding. */
export const householdResponseBody = z.strictObject({
  receivedOn: day,
  text: z
    .string()
    .trim()
    .min(
      2,
      zmsg(
        '请填写答复内容（至少2个字）',
        'give what the household answered (at least 2 characters)',
      ),
    )
    .max(2000),
  objects: z.boolean(),
  revision: z.number().int().positive().optional(),
});

/** The fields a workflow's start needs, checked with the workflow named in the path. */
export function startRequirements(
  workflow: (typeof WORKFLOW_KINDS)[number],
  body: StepBody,
): { field: string; zh: string; en: string }[] {
  if (body.action !== 'start') return [];
  const missing: { field: string; zh: string; en: string }[] = [];
  if (workflow === 'exit' && body.year === undefined)
    missing.push({ field: 'year', zh: '请填写脱贫年度', en: 'the exit year is required' });
  if (workflow === 'monitoring_entry' && body.category === undefined)
    missing.push({
      field: 'category',
      zh: '请选择监测对象类别',
      en: 'the monitoring category is required',
    });
  if (workflow === 'identification') {
    for (const f of EXCLUSION_FLAGS) {
      if (body.exclusions?.[f] === undefined)
        missing.push({
          field: `exclusions.${f}`,
          zh: '申请时须申报每一项排除情形',
          en: 'every exclusion flag is declared at application',
        });
    }
  }
  return missing;
}
