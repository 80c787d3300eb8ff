import type { RaRecord } from 'react-admin';
import { changedFields, pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { post, put, type Enrollment, type Student } from '../support.api';

const CREATE = ['personId', 'school', 'stage', 'grade'] as const;
const UPDATE = ['school', 'stage', 'grade'] as const;

/** 登记学生 and 修改: exactly the fields the strict bodies take, a PUT only what changed. */
export const studentApi: ResourceApi = {
  create: async (_resource, params) => ({
    data: (await post<Student>(
      '/education/students',
      pickKeys(params.data as Record<string, unknown>, CREATE),
    )) as RaRecord,
  }),
  updateBody: (data, previous) => ({
    ...changedFields(data, previous, UPDATE),
    revision: previous.revision,
  }),
};

/** 登记学籍 — the student's status in one term (recording again replaces it). */
export const recordEnrollment = (studentId: string, term: string, body: Record<string, unknown>) =>
  put<Enrollment>(
    `/education/students/${encodeURIComponent(studentId)}/enrollments/${encodeURIComponent(term)}`,
    pickKeys(body, ['status', 'school', 'stage', 'grade']),
  );
