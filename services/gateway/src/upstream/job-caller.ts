import {
  AppError,
  bi,
  countyWide,
  type Principal,
  principalOf,
  type ScopedRepository,
  type TokenVerifier,
} from '@fupin/kit';
import type { Request } from 'express';
import type { TokenIssuer } from '../sessions/token-issuer';
import type { User } from '../users/user.model';
import type { CallerRequest } from './ask';

// A background job (a village's handbooks, a consistency check) asks the services as the user
// who started it, with their rights and area as they stand when it runs. The job keeps who
// started it, never their bearer token: the token is issued when the job runs, short-lived, in
// a session of its own (`job:<id>`), and refused for a user since disabled or locked.

/** Who started a job, as kept in the job's data. */
export interface JobRequester {
  userId: string;
  requestId?: string;
}

export const requesterOf = (req: Request): JobRequester => ({
  userId: principalOf(req).userId,
  ...(typeof req.id === 'string' ? { requestId: req.id } : {}),
});

/**
 * The job `jobId` started by `requester` as the services will see it: the caller (a token just
 * issued) and the principal its token carries, read by the same verifier every service uses.
 */
export type JobCaller = (
  requester: JobRequester,
  jobId: string,
) => Promise<{ caller: CallerRequest; principal: Principal }>;

const JOB_LOOKUP = countyWide('a job finds the user who started it, by id, to act as them');

export function jobCallerFactory(deps: {
  users: ScopedRepository<User>;
  issuer: TokenIssuer;
  verify: TokenVerifier;
  now: () => Date;
}): JobCaller {
  return async (requester, jobId) => {
    const now = deps.now();
    const user = await deps.users.findOne(JOB_LOOKUP, { _id: requester.userId });
    if (!user || user.status !== 'active' || (user.lockedUntil && user.lockedUntil > now))
      throw new AppError(
        403,
        'JOB_USER_INACTIVE',
        bi(
          '发起该任务的账号已停用或锁定，任务未执行',
          'The account that started the job is disabled or locked: the job was not run',
        ),
      );
    const { token } = await deps.issuer.issue(user, `job:${jobId}`, now);
    const caller = { authorization: `Bearer ${token}`, requestId: requester.requestId };
    return { caller, principal: await deps.verify(token) };
  };
}
