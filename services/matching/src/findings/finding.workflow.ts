import type { FindingConclusion, FindingStatus } from '@fupin/contracts';
import { type Bilingual, bi } from '@fupin/kit';

/**
 * 核实整改销号 — the workflow of a finding, as pure rules: the township verifies it with a
 * conclusion, a confirmed finding is rectified (整改), a first reviewer checks it (初审) and a
 * second, different reviewer closes it (复核销号, 双人复核).
 */
export type WorkflowAction = 'verify' | 'rectify' | 'review' | 'close';

export interface WorkflowState {
  status: FindingStatus;
  conclusion: FindingConclusion | null;
  review: { id: string } | null;
}

export type Transition =
  { ok: true; status: FindingStatus } | { ok: false; code: string; message: Bilingual };

const refuse = (code: string, zh: string, en: string): Transition => ({
  ok: false,
  code,
  message: bi(zh, en),
});

/** What every change to a closed finding is answered (a step, or a new deadline). */
export const FINDING_CLOSED = {
  code: 'MATCHING_FINDING_CLOSED',
  message: bi('该问题已销号', 'The finding is already closed'),
} as const;

export function transition(f: WorkflowState, action: WorkflowAction, byUserId: string): Transition {
  if (f.status === 'closed') return { ok: false, ...FINDING_CLOSED };
  switch (action) {
    case 'verify':
      return f.status === 'assigned'
        ? { ok: true, status: 'verified' }
        : refuse(
            'MATCHING_FINDING_ALREADY_VERIFIED',
            '该问题已核实',
            'The finding was already verified',
          );
    case 'rectify':
      if (f.status === 'verified' && f.conclusion !== 'not_confirmed')
        return { ok: true, status: 'rectified' };
      return f.status === 'assigned'
        ? refuse(
            'MATCHING_FINDING_NOT_VERIFIED',
            '请先核实再整改',
            'Verify the finding before rectifying it',
          )
        : refuse(
            'MATCHING_FINDING_NOTHING_TO_RECTIFY',
            '核实结论为不属实或已整改，无需整改',
            'Nothing to rectify: the finding was not confirmed or is already rectified',
          );
    case 'review':
      if (
        f.status === 'rectified' ||
        (f.status === 'verified' && f.conclusion !== null && f.conclusion !== 'confirmed')
      )
        return { ok: true, status: 'reviewed' };
      return f.status === 'reviewed'
        ? refuse(
            'MATCHING_FINDING_ALREADY_REVIEWED',
            '该问题已初审，待复核销号',
            'The finding was already reviewed; it awaits the second reviewer',
          )
        : refuse(
            'MATCHING_FINDING_NOT_READY_FOR_REVIEW',
            '核实属实的问题须整改后才能审核',
            'A confirmed finding must be verified and rectified before review',
          );
    case 'close':
      if (f.status !== 'reviewed')
        return refuse(
          'MATCHING_FINDING_REVIEW_REQUIRED',
          '销号须经双人复核：请先由一人初审，再由另一人复核销号',
          'Closing needs two reviewers: a first review, then a different person closes it',
        );
      if (f.review?.id === byUserId)
        return refuse(
          'MATCHING_FINDING_SECOND_REVIEWER_REQUIRED',
          '销号须由初审人以外的第二人复核',
          'A second reviewer, not the first reviewer, must close the finding',
        );
      return { ok: true, status: 'closed' };
  }
}
