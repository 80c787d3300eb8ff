import { handle, requireRight } from '@fupin/kit';
import { type EnumDefinition, SchoolStage } from '@fupin/reference';
import type { Router } from 'express';
import { basisPoints, type SupportConfig } from './config';
import { DropoutCloseReason, EnrollmentStatus, SubsidyType } from './education/education.reference';
import { InsuranceKind } from './health/coverage.rules';

const options = (e: EnumDefinition) =>
  Object.entries(e).map(([code, v]) => ({ code, zh: v.zh, en: v.en }));

/** The code lists and the configured targets the console shows (read by either half). */
export function referenceRoutes(router: Router, config: SupportConfig): void {
  const body = {
    schoolStages: options(SchoolStage),
    subsidyTypes: options(SubsidyType),
    enrollmentStatuses: options(EnrollmentStatus),
    dropoutCloseReasons: options(DropoutCloseReason),
    insuranceKinds: options(InsuranceKind),
    topUpTargetBasisPoints: basisPoints(config.TOP_UP_TARGET_PERCENT),
    coverageTargetBasisPoints: {
      basic_medical: basisPoints(config.COVERAGE_TARGET_BASIC_MEDICAL_PERCENT),
      serious_illness: basisPoints(config.COVERAGE_TARGET_SERIOUS_ILLNESS_PERCENT),
      pension: basisPoints(config.COVERAGE_TARGET_PENSION_PERCENT),
    },
  };
  router.get(
    '/reference',
    requireRight('support', 'read'),
    handle(async (_req, res) => {
      res.json(body);
    }),
  );
}
