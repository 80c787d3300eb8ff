import { AppError, bi, type Bilingual } from '@fupin/kit';
import dayjs from 'dayjs';
import {
  type HouseholdNotice,
  type NoticeChannel,
  stateOf,
  type WorkflowActor,
  type WorkflowRun,
  type WorkflowState,
} from './workflow.types';

export { NOTICE_CHANNELS, type HouseholdNotice, type NoticeChannel } from './workflow.types';

// 告知与答复 — before a status change that another department's data caused (清退 opened for a
// verified matching finding) is approved, the household is told (the notice: generated text, the
// day it was given, the channel) and given a window to answer (15 days by default); the answer is
// recorded. Public data-matching programmes give 15–28 days. Pure: given the stored workflow
// state, the next one.

const conflict = (code: string, message: Bilingual) => new AppError(409, code, message);

/** The clearance run opened for a finding that is waiting for a notice or an answer. */
function findingRun(state: WorkflowState): WorkflowRun {
  const run = state.active as WorkflowRun | null;
  if (!run || run.kind !== 'clearance' || !run.findingId) {
    throw conflict(
      'REGISTRY_NOTICE_NO_FINDING_RUN',
      bi(
        '该户没有因比对问题发起的清退流程，无需告知',
        'The household has no clearance opened for a matching finding to give notice of',
      ),
    );
  }
  return run;
}

/** The text of the notice, in the county's usual wording (the township may edit it). */
export function noticeText(input: {
  householdNo: string;
  headName: string;
  findingId: string;
  reason: string;
  respondBy: string;
}): string {
  return (
    `${input.headName}户（户编号${input.householdNo}）：经部门数据比对（问题编号${input.findingId}），` +
    `发现以下情况：${input.reason}。据此拟对您户启动清退程序。如有异议，请于${input.respondBy}前` +
    '向所在乡镇人民政府提出，并提供相关证明材料；逾期未提出的，视为无异议。'
  );
}

/** The notice recorded on the run; the window ends `days` after the day it was given. */
export function giveNotice(
  stored: unknown,
  input: {
    givenOn: string;
    channel: NoticeChannel;
    text: string;
    days: number;
    actor: WorkflowActor;
  },
): { state: WorkflowState; notice: HouseholdNotice } {
  const state = stateOf(stored);
  const run = findingRun(state);
  if (run.householdNotice) {
    throw conflict(
      'REGISTRY_NOTICE_ALREADY_GIVEN',
      bi(
        `已于${run.householdNotice.givenOn}告知该户`,
        `The household was told on ${run.householdNotice.givenOn}`,
      ),
    );
  }
  const notice: HouseholdNotice = {
    givenOn: input.givenOn,
    channel: input.channel,
    text: input.text,
    respondBy: dayjs(input.givenOn).add(input.days, 'day').format('YYYY-MM-DD'),
    givenBy: input.actor,
    response: null,
  };
  return { state: { ...state, active: { ...run, householdNotice: notice } }, notice };
}

/** The household's answer, once, on or after the day it was told. */
export function recordResponse(
  stored: unknown,
  input: { receivedOn: string; text: string; objects: boolean; actor: WorkflowActor },
): { state: WorkflowState; notice: HouseholdNotice } {
  const state = stateOf(stored);
  const run = findingRun(state);
  const notice = run.householdNotice;
  if (!notice) {
    throw conflict(
      'REGISTRY_NOTICE_NOT_GIVEN',
      bi('尚未告知该户，不能登记答复', 'The household has not been told yet'),
    );
  }
  if (notice.response) {
    throw conflict(
      'REGISTRY_NOTICE_ANSWERED',
      bi(`已登记该户${notice.response.receivedOn}的答复`, 'The answer is already recorded'),
    );
  }
  if (input.receivedOn < notice.givenOn) {
    throw new AppError(
      422,
      'REGISTRY_NOTICE_RESPONSE_BEFORE_NOTICE',
      bi('答复日期不能早于告知日期', 'The answer cannot come before the notice'),
      {
        errors: [
          {
            field: 'receivedOn',
            code: 'before_notice',
            message: bi(`不能早于${notice.givenOn}`, `not before ${notice.givenOn}`),
          },
        ],
      },
    );
  }
  const answered: HouseholdNotice = {
    ...notice,
    response: {
      receivedOn: input.receivedOn,
      text: input.text,
      objects: input.objects,
      recordedBy: input.actor,
    },
  };
  return { state: { ...state, active: { ...run, householdNotice: answered } }, notice: answered };
}

/**
 * Whether a clearance opened for a finding may be approved on `today`: told, and answered or the
 * window over. Null when it may (or the run was not opened for a finding); else why not.
 */
export function approvalWaitsFor(run: WorkflowRun, today: string): Bilingual | null {
  if (run.kind !== 'clearance' || !run.findingId) return null;
  const n = run.householdNotice;
  if (!n) {
    return bi(
      '因部门数据比对发起的清退，须先告知农户并给予答复期，方可审定',
      'A clearance caused by department data needs the household told and given time to answer first',
    );
  }
  if (n.response || today > n.respondBy) return null;
  return bi(
    `已于${n.givenOn}告知农户，答复期至${n.respondBy}，期满或收到答复后方可审定`,
    `The household was told on ${n.givenOn}; its window to answer runs to ${n.respondBy}`,
  );
}
