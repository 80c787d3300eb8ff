import { randomUUID } from 'node:crypto';
import { actorOf, bi, conflict, type FieldError, type Principal, unprocessable } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { FileService } from '../files/file.service';
import { projectUpdated } from '../projects/project.events';
import type { Project, ProjectNotice } from '../projects/project.model';
import { type ProjectService, type ProjectView, viewOf } from '../projects/project.service';
import { historyEntry } from '../shared/principal';
import type { ProjectNoticeInput } from './project-notice.schemas';

/** The status a project is in while each notice can be posted. */
const OPEN_FOR: Record<ProjectNotice['step'], Project['status']> = {
  // 项目立项公示: before approval into the library.
  approval: 'proposed',
  // 验收结果公示: once accepted, before the 尾款.
  final_payment: 'accepted',
};

/** Checks a notice against the project and today; the refusals as field errors. */
export function noticeErrors(
  input: Pick<ProjectNoticeInput, 'step' | 'postedOn' | 'place' | 'placeNote'>,
  p: Pick<Project, 'dates'>,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.postedOn > today) {
    errors.push({
      field: 'postedOn',
      code: 'in_future',
      message: bi('张贴日期不能晚于今天', 'the posting day cannot be after today'),
    });
  }
  const accepted = p.dates.acceptedOn;
  if (input.step === 'final_payment' && accepted && input.postedOn < accepted) {
    errors.push({
      field: 'postedOn',
      code: 'before_acceptance',
      message: bi(
        `验收结果公示不能早于验收日期（${accepted}）`,
        `the acceptance result cannot be posted before the acceptance (${accepted})`,
      ),
    });
  }
  if (input.place === 'other' && !input.placeNote?.trim()) {
    errors.push({
      field: 'placeNote',
      code: 'required',
      message: bi('请写明张贴地点', 'say where it was posted'),
    });
  }
  return errors;
}

/** 公示登记 — the public notices posted on a project, kept on it and in its history. */
export class ProjectNoticeService {
  constructor(
    private readonly deps: { projects: ProjectService; files: FileService; now: () => Date },
  ) {}

  async record(p: Principal, id: string, input: ProjectNoticeInput): Promise<ProjectView> {
    const current = await this.deps.projects.load(p, id);
    if (input.revision !== undefined && input.revision !== current.revision) {
      throw conflict(
        'FUNDS_PROJECT_STALE',
        bi(
          '项目已被他人修改，请刷新后重试',
          'The project was changed by someone else; reload and retry',
        ),
        { currentRevision: current.revision },
      );
    }
    if (current.status !== OPEN_FOR[input.step]) {
      throw conflict(
        'FUNDS_PROJECT_NOTICE_NOT_OPEN',
        input.step === 'approval'
          ? bi('项目已审批入库，不能再登记立项公示', 'The project is past approval')
          : bi('项目验收后才能登记验收结果公示', 'The acceptance result is posted once accepted'),
        { status: current.status, expected: OPEN_FOR[input.step] },
      );
    }
    const now = this.deps.now();
    const errors = noticeErrors(input, current, shanghaiDateOf(now));
    if (errors.length) {
      throw unprocessable(
        'FUNDS_PROJECT_NOTICE_INVALID',
        bi('公示登记有误，请查看标出的字段', 'The notice is invalid; see the listed fields'),
        errors,
      );
    }
    const files = input.evidenceFileIds.length
      ? await this.deps.files.resolve(p, input.evidenceFileIds, 'evidenceFileIds')
      : [];
    const notice: ProjectNotice = {
      id: randomUUID(),
      step: input.step,
      postedOn: input.postedOn,
      place: input.place,
      placeNote: input.placeNote ?? null,
      text: input.text,
      evidence: files.map((f) => ({ fileId: f.fileId, fileName: f.fileName, sha256: f.sha256 })),
      recordedAt: now,
      recordedBy: { id: p.userId, name: p.username },
    };
    const next: Project = {
      ...current,
      notices: [...(current.notices ?? []), notice],
      revision: current.revision + 1,
      updatedAt: now,
    };
    if (files.length) await this.deps.files.link(input.evidenceFileIds, current.areaCode);
    await this.deps.projects.save(p, current, {
      $set: { revision: next.revision, updatedAt: now },
      $push: { notices: notice },
      history: historyEntry(p, now, 'notice', {
        changed: ['notices'],
        note: `${input.step === 'approval' ? '立项公示' : '验收结果公示'} ${input.postedOn}`,
      }),
      events: [projectUpdated(next, ['notices'], actorOf(p), now)],
    });
    return viewOf(next);
  }

  /** The notices of a project in the caller's scope, oldest first. */
  async list(p: Principal, id: string): Promise<ProjectNotice[]> {
    return (await this.deps.projects.get(p, id)).notices;
  }
}
