import type { Enrollment, Student } from '../src/education/education.model';
import { movesStudent, sameEnrollment } from '../src/education/student.service';

const student: Student = {
  _id: 's1',
  personId: 'p1',
  householdId: 'h1',
  idHash: 'x',
  name: '罗一',
  areaCode: '431121101201',
  townshipCode: '431121101000',
  birthDate: '2011-05-05',
  school: '漳江小学',
  stage: 'primary',
  grade: 3,
  latestTerm: '2019-autumn',
  revision: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};
const enrollment: Enrollment = {
  _id: 's1:2019-autumn',
  personId: 'p1',
  householdId: 'h1',
  idHash: 'x',
  name: '罗一',
  areaCode: '431121101201',
  townshipCode: '431121101000',
  studentId: 's1',
  term: '2019-autumn',
  school: '漳江小学',
  stage: 'primary',
  grade: 3,
  status: 'enrolled',
  source: 'import',
  importId: 'job-1',
  recordedAt: new Date(0),
  recordedBy: 'u1',
};

test('the same facts from another import, at another time, are the same enrollment', () => {
  const again = { ...enrollment, importId: 'job-2', recordedAt: new Date(1), recordedBy: 'u2' };
  expect(sameEnrollment(enrollment, again)).toBe(true);
  expect(sameEnrollment(undefined, again)).toBe(false);
  expect(sameEnrollment(enrollment, { ...again, status: 'suspended' })).toBe(false);
  expect(sameEnrollment(enrollment, { ...again, grade: 4 })).toBe(false);
  // Recorded by hand before: the import's record replaces it.
  expect(sameEnrollment({ ...enrollment, source: 'manual' }, again)).toBe(false);
});

test('a student moves only to a term at least as late, and only when something differs', () => {
  expect(movesStudent(student, enrollment)).toBe(false);
  expect(movesStudent(student, { ...enrollment, grade: 4 })).toBe(true);
  expect(movesStudent(student, { ...enrollment, term: '2020-spring' })).toBe(true);
  expect(movesStudent(student, { ...enrollment, term: '2019-spring', grade: 2 })).toBe(false);
  expect(movesStudent({ ...student, latestTerm: null }, enrollment)).toBe(true);
});
