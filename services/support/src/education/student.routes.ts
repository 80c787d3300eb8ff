import {
  handle,
  parseInput,
  principalOf,
  sendXlsx,
  writeSheet,
  idParam,
  areaCode12,
} from '@fupin/kit';
import { codesOf, SchoolStage } from '@fupin/reference';
import type { Router } from 'express';
import { z } from 'zod';
import { getRoute, listRoute } from '../routes';
import { auditedBatches, stamp, zh } from '../exports/sheet';
import { idsFilter, term } from '../http';
import { allow } from '../scope';
import { EnrollmentStatus } from './education.reference';
import {
  type EducationRouteDeps,
  filterOf,
  grade,
  revision,
  stage,
  text,
} from './education.inputs';

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

const studentFilter = z.strictObject({
  q: text(50).optional(),
  stage: stage.optional(),
  school: text(100).optional(),
  townshipCode: areaCode12.optional(),
  areaCode: areaCode12.optional(),
  personId: text(64).optional(),
  id: idsFilter.optional(),
});

/** Students, their enrollment each term, and the student list export. */
export function studentRoutes(router: Router, deps: EducationRouteDeps): void {
  const { students } = deps;
  listRoute(router, '/education/students', allow('read', 'education'), {
    resource: 'students',
    sortable: ['name', 'stage', 'school', 'grade', 'areaCode', 'updatedAt'],
    defaultSort: ['name', 'ASC'],
    filter: studentFilter,
    list: (p, q) => students.list(p, q),
  });
  router.post(
    '/education/students',
    allow('write', 'education'),
    handle(async (req, res) => {
      const body = parseInput(studentCreate, req.body);
      res.status(201).json(await students.create(principalOf(req), body));
    }),
  );
  getRoute(router, '/education/students/:id', allow('read', 'education'), (p, id) =>
    students.get(p, id),
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
  listRoute(router, '/education/enrollments', allow('read', 'education'), {
    resource: 'enrollments',
    sortable: ['term', 'name', 'stage', 'status', 'recordedAt'],
    defaultSort: ['name', 'ASC'],
    filter: z.strictObject({
      term: term.optional(),
      status: z.enum(codesOf(EnrollmentStatus)).optional(),
      stage: stage.optional(),
      townshipCode: areaCode12.optional(),
      studentId: text(64).optional(),
    }),
    list: (p, q) => students.listEnrollments(p, q),
  });
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
}
