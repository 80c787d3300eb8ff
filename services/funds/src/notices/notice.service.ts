import { randomUUID } from 'node:crypto';
import {
  allOf,
  bi,
  countyWide,
  type ListQuery,
  type PdfColumn,
  type Principal,
  unprocessable,
  type ScopedRepository,
} from '@fupin/kit';
import { FundingSource, labelOf, ProjectType, shanghaiDateOf } from '@fupin/reference';
import type { Disbursement } from '../disbursements/disbursement.model';
import type { FileService } from '../files/file.service';
import type { ProjectService } from '../projects/project.service';
import { SOURCES, type Project } from '../projects/project.model';
import { chineseDate, shiftDay } from '../shared/calendar';
import { sumFen, yuan } from '../shared/money';
import type { Notice, NoticeKind } from './notice.model';

/** The payment a list is printed for: the caller's scope is checked on its project. */
const PAYMENT_LOOKUP = countyWide('a payment looked up for its project, whose scope is checked');

export interface NoticeInput {
  kind: NoticeKind;
  projectId?: string | undefined;
  disbursementId?: string | undefined;
  issuer: string;
  periodDays: number;
  startsOn?: string | undefined;
  supervisionPhone?: string | null | undefined;
}

export type NoticeView = Omit<Notice, '_id'> & { id: string };

const MISSING = { what: bi('公示', 'Notice'), code: 'FUNDS_NOTICE_NOT_FOUND' };
/** The full-width space printed notices separate items with. */
const GAP = '\u3000';

/** 公示公告 — notices of a project or of a payment list, and where they were posted. */
export class NoticeService {
  constructor(
    private readonly deps: {
      /** Notices, each in its project's area. */
      notices: ScopedRepository<Notice>;
      projects: ProjectService;
      /** Payments, each in its project's area. */
      disbursements: ScopedRepository<Disbursement>;
      files: FileService;
      now: () => Date;
    },
  ) {}

  async generate(p: Principal, input: NoticeInput): Promise<NoticeView> {
    const now = this.deps.now();
    const startsOn = input.startsOn ?? shanghaiDateOf(now);
    const endsOn = shiftDay(startsOn, input.periodDays - 1);
    let project: Project;
    let disbursement: Disbursement | null = null;
    if (input.kind === 'payment_list') {
      disbursement = await this.deps.disbursements.findOne(
        PAYMENT_LOOKUP,
        { _id: input.disbursementId ?? '' },
        { projection: { outbox: 0, history: 0 } },
      );
      if (!disbursement || disbursement.status === 'rejected') {
        throw unprocessable('FUNDS_NOTICE_INVALID', bi('拨付不存在', 'No such payment'), [
          {
            field: 'disbursementId',
            code: 'unknown',
            message: bi('拨付不存在或已退回', 'no such payment, or it was refused'),
          },
        ]);
      }
      project = await this.deps.projects.load(p, disbursement.projectId);
    } else {
      project = await this.deps.projects.load(p, input.projectId ?? '');
    }
    const footer = [
      `公示期：${chineseDate(startsOn)}至${chineseDate(endsOn)}（${input.periodDays}天）。`,
      `如有异议，请在公示期内向${input.issuer}反映${
        input.supervisionPhone ? `，监督电话：${input.supervisionPhone}` : ''
      }。`,
    ];
    const body = disbursement ? paymentContent(project, disbursement) : projectContent(project);
    const notice: Notice = {
      _id: randomUUID(),
      kind: input.kind,
      projectId: project._id,
      projectCode: project.code,
      disbursementId: disbursement?._id ?? null,
      areaCode: project.areaCode,
      title: body.title,
      issuer: input.issuer,
      periodDays: input.periodDays,
      startsOn,
      endsOn,
      supervisionPhone: input.supervisionPhone ?? null,
      content: { intro: body.intro, columns: body.columns, rows: body.rows, footer },
      createdBy: { id: p.userId, name: p.username },
      createdAt: now,
      postings: [],
    };
    await this.deps.notices.create(p, notice);
    return viewOf(notice);
  }

  /** 张贴 — where and when the notice was put up (with a photo of the board, if any). */
  async post(
    p: Principal,
    id: string,
    input: {
      place: string;
      postedOn: string;
      takenDownOn?: string | null | undefined;
      photoFileId?: string | null | undefined;
    },
  ): Promise<NoticeView> {
    // Posting another area's notice is forbidden (403), as every write there.
    const notice = await this.deps.notices.getForChange(p, id, MISSING);
    const errors = [];
    if (input.postedOn > shanghaiDateOf(this.deps.now())) {
      errors.push({
        field: 'postedOn',
        code: 'in_future',
        message: bi('张贴日期不能晚于今天', 'cannot be after today'),
      });
    }
    if (input.takenDownOn && input.takenDownOn < input.postedOn) {
      errors.push({
        field: 'takenDownOn',
        code: 'before_posted',
        message: bi('撤下日期不能早于张贴日期', 'cannot be before the posting'),
      });
    }
    if (errors.length) {
      throw unprocessable('FUNDS_NOTICE_INVALID', bi('张贴记录有误', 'Invalid posting'), errors);
    }
    if (input.photoFileId) {
      await this.deps.files.resolve(p, [input.photoFileId], 'photoFileId');
      await this.deps.files.link([input.photoFileId], notice.areaCode);
    }
    const posting = {
      id: randomUUID(),
      place: input.place,
      postedOn: input.postedOn,
      takenDownOn: input.takenDownOn ?? null,
      photoFileId: input.photoFileId ?? null,
      by: p.username,
      at: this.deps.now(),
    };
    await this.deps.notices.updateOne(p, { _id: id }, { $push: { postings: posting } });
    return viewOf({ ...notice, postings: [...notice.postings, posting] });
  }

  async list(
    p: Principal,
    q: ListQuery<{ projectId?: string | undefined; kind?: NoticeKind | undefined }>,
  ) {
    const filter = allOf(
      q.filter.projectId ? { projectId: q.filter.projectId } : undefined,
      q.filter.kind ? { kind: q.filter.kind } : undefined,
    );
    const { items, total } = await this.deps.notices.page(p, filter, q);
    return { items: items.map(viewOf), total };
  }

  /** A notice in the caller's scope; another area's is not found. */
  load(p: Principal, id: string): Promise<Notice> {
    return this.deps.notices.get(p, id, MISSING);
  }

  async get(p: Principal, id: string): Promise<NoticeView> {
    return viewOf(await this.load(p, id));
  }
}

interface Content {
  title: string;
  intro: string[];
  columns: PdfColumn[];
  rows: string[][];
}

function projectContent(p: Project): Content {
  const b = p.beneficiaries;
  const sources = SOURCES.filter(
    (s) => p.plannedInvestment[s] > 0 || p.funding[s].allocatedFen > 0,
  );
  return {
    title: `${p.name}项目公示`,
    intro: [
      `项目编号：${p.code}${GAP}项目类型：${labelOf(ProjectType, p.type, 'zh-CN')}${GAP}实施年度：${p.year}年`,
      `建设地点：${p.location ?? p.areaCode}`,
      `实施单位：${p.contractor ?? '—'}${GAP}项目负责人：${p.responsible ?? '—'}`,
      `受益对象：${b.households}户${b.people}人，其中建档立卡贫困户${b.poorHouseholds}户${b.poorPeople}人`,
      `计划总投资：${yuan(p.plannedTotalFen)}元，资金来源及使用情况如下：`,
    ],
    columns: [
      { header: '序号', width: 40, align: 'center' },
      { header: '资金来源', width: '*' },
      { header: '计划投资（元）', width: 100, align: 'right' },
      { header: '已下达（元）', width: 100, align: 'right' },
      { header: '已拨付（元）', width: 100, align: 'right' },
    ],
    rows: [
      ...sources.map((s, i) => [
        String(i + 1),
        labelOf(FundingSource, s, 'zh-CN'),
        yuan(p.plannedInvestment[s]),
        yuan(p.funding[s].allocatedFen),
        yuan(p.funding[s].disbursedFen),
      ]),
      ['', '合计', yuan(p.plannedTotalFen), yuan(p.money.allocatedFen), yuan(p.money.disbursedFen)],
    ],
  };
}

function paymentContent(p: Project, d: Disbursement): Content {
  const intro = [
    `根据扶贫资金报账制有关规定，现将${p.name}（项目编号：${p.code}）资金拨付情况公示如下：`,
    `资金来源：${labelOf(FundingSource, d.source, 'zh-CN')}${GAP}拨付金额：${yuan(d.amountFen)}元`,
    `用途：${d.purpose}`,
  ];
  if (d.payeeKind === 'households') {
    return {
      title: `${p.name}资金发放名单公示`,
      intro,
      columns: [
        { header: '序号', width: 40, align: 'center' },
        { header: '姓名', width: '*' },
        // Public boards show masked ID numbers only.
        { header: '身份证号', width: 150 },
        { header: '金额（元）', width: 100, align: 'right' },
      ],
      rows: [
        ...d.payees.map((x, i) => [
          String(i + 1),
          x.name,
          x.idNumber?.masked ?? '',
          yuan(x.amountFen),
        ]),
        ['', '合计', `${d.payees.length}人`, yuan(sumFen(d.payees.map((x) => x.amountFen)))],
      ],
    };
  }
  return {
    title: `${p.name}资金拨付公示`,
    intro,
    columns: [
      { header: '序号', width: 40, align: 'center' },
      { header: '收款单位', width: '*' },
      { header: '用途', width: 160 },
      { header: '金额（元）', width: 100, align: 'right' },
    ],
    rows: [['1', d.payee?.name ?? '', d.purpose, yuan(d.amountFen)]],
  };
}

function viewOf(n: Notice): NoticeView {
  const { _id, ...rest } = n;
  return { id: _id, ...rest };
}
