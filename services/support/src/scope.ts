import { AppError, bi, type Principal, requireRight, type Right } from '@fupin/kit';
import type { RequestHandler } from 'express';

/**
 * The support service's two halves. Department staff see only their own half (教育 staff
 * education, 卫健 staff health; the token's `dept` claim); users without a department (the
 * poverty office, township staff) see both, within their area scope.
 */
export type SupportArea = 'education' | 'health';

const DEPARTMENTS_OF: Record<SupportArea, readonly string[]> = {
  education: ['education'],
  // 医保 pays the insurance layers: its staff work on the health half too.
  health: ['health', 'medical_security'],
};

export function seesArea(p: Principal, area: SupportArea): boolean {
  return p.department === undefined || DEPARTMENTS_OF[area].includes(p.department);
}

/** Route guard, placed after the rights check: the caller's department must own the area. */
export function requireArea(area: SupportArea): RequestHandler {
  return (req, _res, next) => {
    const p = req.principal;
    if (p && !seesArea(p, area)) {
      return next(
        new AppError(
          403,
          'FORBIDDEN_DEPARTMENT',
          area === 'education'
            ? bi(
                '教育扶贫数据仅限教育部门查看和办理',
                'Education support is for the education department',
              )
            : bi(
                '健康扶贫数据仅限卫健（医保）部门查看和办理',
                'Health support is for the health department',
              ),
        ),
      );
    }
    next();
  };
}

/** The rights check on the support module, then the department check for its half. */
export function allow(right: Right, area?: SupportArea): RequestHandler[] {
  return area
    ? [requireRight('support', right), requireArea(area)]
    : [requireRight('support', right)];
}
