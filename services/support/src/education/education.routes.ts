import {
  type AuditLog,
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  sendList,
  sendXlsx,
  writeSheet,
} from '@fupin/kit';
import { codesOf, SchoolStage } from '@fupin/reference';
import type { Request, Router } from 'express';
import { auditedBatches, stamp, yuan, zh } from '../exports/sheet';
import { z } from 'zod';
import {
  areaCode,
  calendarDay,
  fen,
  idParam,
  idsFilter,
  parseFilter,
  shanghaiDay,
  term,
} from '../http';
import { allow } from '../scope';
import type { DropoutService } from './dropout.service';
import { DropoutCloseReason, EnrollmentStatus, SubsidyType } from './education.reference';
import { termOfDay } from './school-calendar';
import type { StudentService } from './student.service';
import type { SubsidyService } from './subsidy.service';

const stage = z.enum(codesOf(SchoolStage));
const subsidyType = z.enum(codesOf(SubsidyType));
const text = (max: number) => z.string().trim().min(1).max(max);
const grade = z.number().int().min(1).max(12);
const revision = z.number().int().positive().optional();
const termParam = idParam.extend({ term });

const studentCreate = z.strictObject({
  personId: text(64),
  school: text(100),
  stage,
  grade,
});
const studentUpdate = z.strictObject({
  school: text(100).optional(),
  stage: stage.optional(),
  grade: grade.optional(),
  revision,
});
const enrollmentBody = z.strictObject({
  status: z.enum(codesOf(EnrollmentStatus)),
  school: text(100).optional(),
  stage: stage.optional(),
  grade: grade.optional(),
});
const standardBody = z.strictObject({
  type: subsidyType,
  stage,
  fromTerm: term,
  amountFen: fen,
  note: z.string().trim().max(200).nullable().optional(),
});
const paymentBody = z.strictObject({
  studentId: text(64),
  type: subsidyType,
  term,
  amountFen: fen.optional(),
  paidOn: calendarDay,
  department: text(50),
});
const batchBody = z.strictObject({
  type: subsidyType,
  term,
  stage,
  townshipCode: areaCode.optional(),
  amountFen: fen.optional(),
  paidOn: calendarDay,
  department: text(50),
});
const ownerBody = z.strictObject({
  name: text(50),
  unit: z.string().trim().max(100).nullable().optional(),
  userId: z.string().max(64).nullable().optional(),
  revision,
});
const followUpBody = z.strictObject({ on: calendarDay, note: text(2000) });
const closeBody = z.strictObject({
  reason: z.enum(codesOf(DropoutCloseReason)),
  note: text(2000),
  school: text(100).optional(),
  revision,
});

const studentFilter = z.strictObject({
  q: text(50).optional(),
  stage: stage.optional(),
  school: text(100).optional(),
  townshipCode: areaCode.optional(),
  areaCode: areaCode.optional(),
  personId: text(64).optional(),
  id: idsFilter.optional(),
});
const paymentFilter = z.strictObject({
  term: term.optional(),
  type: subsidyType.optional(),
  stage: stage.optional(),
  townshipCode: areaCode.optional(),
  studentId: text(64).optional(),
  personId: text(64).optional(),
  voided: z.boolean().optional(),
});
const dropoutFilter = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  schoolYear: z.number().int().optional(),
  townshipCode: areaCode.optional(),
  areaCode: areaCode.optional(),
  expectedStage: z.enum(['primary', 'junior_secondary']).optional(),
  q: text(50).optional(),
  hasOwner: z.boolean().optional(),
  personId: text(64).optional(),
});

const list = <F extends z.ZodType>(
  req: Request,
  sortable: string[],
  defaultSort: [string, 'ASC' | 'DESC'],
  filter: F,
) => parseListQuery(req.query as Record<string, unknown>, { sortable, defaultSort, filter });

/** 教育扶贫 — students and their terms, subsidies, and dropout control. */
export function educationRoutes(
  router: Router,
  deps: {
    students: StudentService;
    subsidies: SubsidyService;
    dropouts: DropoutService;
    audit: AuditLog;
    now: () => Date;
  },
): void {
  const { students, subsidies, dropouts } = deps;
  const filterOf = <F extends z.ZodType>(req: Request, schema: F) =>
    parseFilter(req.query as Record<string, unknown>, schema);
  const currentTerm = () => termOfDay(shanghaiDay(deps.now()));

  // ---------------------------------------------------------------- students
  router.get(
    '/education/students',
    allow('read', 'education'),
    handle(async (req, res) => {
      const q = list(
        req,
        ['name', 'stage', 'school', 'grade', 'areaCode', 'updatedAt'],
        ['name', 'ASC'],
        studentFilter,
      );
      const { items, total } = await students.list(principalOf(req), q);
      sendList(res, 'students', q, items, total);
    }),
  );
  router.post(
    '/education/students',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(studentCreate, req.body);
      res.status(201).json(await students.create(principalOf(req), body));
    }),
  );
  router.get(
    '/education/students/:id',
    allow('read', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await students.get(principalOf(req), id));
    }),
  );
  router.put(
    '/education/students/:id',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision: rev, ...patch } = parseInput(studentUpdate, req.body);
      res.json(await students.update(principalOf(req), id, patch, rev));
    }),
  );
  router.put(
    '/education/students/:id/enrollments/:term',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id, term: t } = parseInput(termParam, req.params, { where: 'params' });
      const body = parseInput(enrollmentBody, req.body);
      res.json(await students.recordEnrollment(principalOf(req), id, t, body));
    }),
  );
  router.get(
    '/education/enrollments',
    allow('read', 'education'),
    handle(async (req, res) => {
      const q = list(
        req,
        ['term', 'name', 'stage', 'status', 'recordedAt'],
        ['name', 'ASC'],
        z.strictObject({
          term: term.optional(),
          status: z.enum(codesOf(EnrollmentStatus)).optional(),
          stage: stage.optional(),
          townshipCode: areaCode.optional(),
          studentId: text(64).optional(),
        }),
      );
      const { items, total } = await students.listEnrollments(principalOf(req), q);
      sendList(res, 'enrollments', q, items, total);
    }),
  );

  // ---------------------------------------------------------------- subsidies
  router.get(
    '/education/subsidy-standards',
    allow('read', 'education'),
    handle(async (req, res) => {
      const q = list(
        req,
        ['type', 'stage', 'fromOrdinal', 'amountFen'],
        ['type', 'ASC'],
        z.strictObject({ type: subsidyType.optional(), stage: stage.optional() }),
      );
      const { items, total } = await subsidies.listStandards(q);
      sendList(res, 'subsidy-standards', q, items, total);
    }),
  );
  router.put(
    '/education/subsidy-standards',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(standardBody, req.body);
      const { _id, ...rest } = await subsidies.setStandard(principalOf(req), body);
      res.json({ id: _id, ...rest });
    }),
  );
  router.get(
    '/education/subsidy-payments',
    allow('read', 'education'),
    handle(async (req, res) => {
      const q = list(
        req,
        ['paidOn', 'term', 'type', 'amountFen', 'name', 'recordedAt'],
        ['recordedAt', 'DESC'],
        paymentFilter,
      );
      const { items, total } = await subsidies.list(principalOf(req), q);
      sendList(res, 'subsidy-payments', q, items, total);
    }),
  );
  router.post(
    '/education/subsidy-payments',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(paymentBody, req.body);
      res.status(201).json(await subsidies.pay(principalOf(req), body));
    }),
  );
  router.post(
    '/education/subsidy-payments/batch',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(batchBody, req.body);
      res.json(await subsidies.payBatch(principalOf(req), body));
    }),
  );
  router.post(
    '/education/subsidy-payments/:id/void',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { reason } = parseInput(z.strictObject({ reason: text(500) }), req.body);
      res.json(await subsidies.void(principalOf(req), id, reason));
    }),
  );
  router.get(
    '/education/subsidy-totals',
    allow('read', 'education'),
    handle(async (req, res) => {
      const q = parseInput(
        z.strictObject({
          term: term.optional(),
          by: z.enum(['type', 'stage', 'township']).default('type'),
          type: subsidyType.optional(),
          stage: stage.optional(),
        }),
        req.query,
        { where: 'query' },
      );
      res.json(await subsidies.totals(principalOf(req), { ...q, term: q.term ?? currentTerm() }));
    }),
  );

  // ---------------------------------------------------------------- dropout control
  router.post(
    '/education/dropout-cases/scan',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(z.strictObject({ term: term.optional() }), req.body ?? {});
      res.json(await dropouts.scan(principalOf(req), body.term ?? currentTerm()));
    }),
  );
  router.get(
    '/education/dropout-cases',
    allow('read', 'education'),
    handle(async (req, res) => {
      const q = list(
        req,
        ['openedAt', 'closedAt', 'name', 'areaCode', 'expectedGrade'],
        ['openedAt', 'DESC'],
        dropoutFilter,
      );
      const { items, total } = await dropouts.list(principalOf(req), q);
      sendList(res, 'dropout-cases', q, items, total);
    }),
  );
  router.get(
    '/education/dropout-cases/:id',
    allow('read', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await dropouts.get(principalOf(req), id));
    }),
  );
  router.put(
    '/education/dropout-cases/:id/owner',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision: rev, ...owner } = parseInput(ownerBody, req.body);
      res.json(await dropouts.assignOwner(principalOf(req), id, owner, rev));
    }),
  );
  router.post(
    '/education/dropout-cases/:id/follow-ups',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(followUpBody, req.body);
      res.status(201).json(await dropouts.addFollowUp(principalOf(req), id, body));
    }),
  );
  router.post(
    '/education/dropout-cases/:id/close',
    allow('write', 'education'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const { revision: rev, ...body } = parseInput(closeBody, req.body);
      res.json(await dropouts.close(principalOf(req), id, body, rev));
    }),
  );

  // ---------------------------------------------------------------- exports
  router.get(
    '/exports/students.xlsx',
    allow('export', 'education'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const f = filterOf(req, studentFilter);
      sendXlsx(res, `建档立卡学生-${stamp(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: '学生',
        rows: students.cursor(p, f),
        beforeBatch: auditedBatches(deps.audit, p, 'student', ['name', 'birthDate', 'school']),
        columns: [
          { header: '姓名', value: (x) => x.name },
          { header: '出生日期', value: (x) => x.birthDate, width: 12 },
          { header: '乡镇', value: (x) => x.townshipCode, width: 14 },
          { header: '行政村', value: (x) => x.areaCode, width: 14 },
          { header: '学校', value: (x) => x.school, width: 24 },
          { header: '学段', value: (x) => zh(SchoolStage, x.stage), width: 10 },
          { header: '年级', value: (x) => x.grade, width: 6 },
          { header: '最近学期', value: (x) => x.latestTerm, width: 14 },
        ],
      });
    }),
  );
  router.get(
    '/exports/subsidy-payments.xlsx',
    allow('export', 'education'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const f = filterOf(req, paymentFilter);
      sendXlsx(res, `教育资助发放-${stamp(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: '资助发放',
        rows: subsidies.cursor(p, f),
        beforeBatch: auditedBatches(deps.audit, p, 'subsidy_payment', ['name', 'amountFen']),
        columns: [
          { header: '姓名', value: (x) => x.name },
          { header: '乡镇', value: (x) => x.townshipCode, width: 14 },
          { header: '行政村', value: (x) => x.areaCode, width: 14 },
          { header: '学期', value: (x) => x.term, width: 14 },
          { header: '资助类型', value: (x) => zh(SubsidyType, x.type), width: 14 },
          { header: '学段', value: (x) => zh(SchoolStage, x.stage), width: 10 },
          { header: '金额（元）', value: (x) => yuan(x.amountFen), width: 12 },
          { header: '发放日期', value: (x) => x.paidOn, width: 12 },
          { header: '发放部门', value: (x) => x.department },
          { header: '状态', value: (x) => (x.voided ? `已作废：${x.voidReason ?? ''}` : '有效') },
        ],
      });
    }),
  );
  router.get(
    '/exports/dropout-cases.xlsx',
    allow('export', 'education'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const f = filterOf(req, dropoutFilter);
      sendXlsx(res, `控辍保学台账-${stamp(deps.now())}.xlsx`);
      await writeSheet(res, {
        name: '控辍保学',
        rows: dropouts.cursor(p, f),
        beforeBatch: auditedBatches(deps.audit, p, 'dropout_case', ['name', 'birthDate']),
        columns: [
          { header: '姓名', value: (x) => x.name },
          { header: '出生日期', value: (x) => x.birthDate, width: 12 },
          { header: '乡镇', value: (x) => x.townshipCode, width: 14 },
          { header: '行政村', value: (x) => x.areaCode, width: 14 },
          { header: '学年', value: (x) => `${x.schoolYear}-${x.schoolYear + 1}`, width: 11 },
          { header: '应在学段', value: (x) => zh(SchoolStage, x.expectedStage), width: 10 },
          { header: '应在年级（1–9）', value: (x) => x.expectedGrade, width: 8 },
          { header: '状态', value: (x) => (x.status === 'open' ? '未销号' : '已销号'), width: 8 },
          { header: '包保责任人', value: (x) => x.owner?.name ?? null },
          { header: '跟踪次数', value: (x) => x.followUps.length, width: 8 },
          { header: '最近跟踪', value: (x) => x.followUps.at(-1)?.note ?? null, width: 40 },
          { header: '销号原因', value: (x) => zh(DropoutCloseReason, x.closeReason), width: 20 },
          {
            header: '销号时间',
            value: (x) => (x.closedAt ? shanghaiDay(x.closedAt) : null),
            width: 12,
          },
        ],
      });
    }),
  );
}
