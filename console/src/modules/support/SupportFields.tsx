import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { type FieldProps, Title, useFieldValue, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../../providers/permissions';
import { basisPointsToPercent, seesHalf, type SupportHalf } from './support.api';
import { useTermLabel } from './SupportInputs';

const Text = ({ children }: { children: string }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

/** A term as 2018年秋季学期. */
export const TermField = (props: FieldProps) => {
  const label = useTermLabel();
  return <Text>{label(useFieldValue(props))}</Text>;
};

/** A ratio in basis points as a percentage with two decimals. */
export const BasisPointsField = (props: FieldProps) => (
  <Text>{basisPointsToPercent(useFieldValue(props))}</Text>
);

/** 第 3 年级 — a grade within its stage. */
export const GradeField = (props: FieldProps) => {
  const translate = useTranslate();
  const v = useFieldValue(props);
  return <Text>{typeof v === 'number' ? translate('support.grade', { grade: v }) : '—'}</Text>;
};

/**
 * The pages of one half of the service: department staff of the other half are told whose
 * data it is instead of seeing the service's refusal.
 */
export function HalfGuard({ half, children }: { half: SupportHalf; children: ReactNode }) {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<Permissions>();
  if (isPending) return null;
  if (!seesHalf(permissions, half)) {
    return (
      <>
        <Title title="menu.support" />
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate(`support.only_${half}`)}
        </Alert>
      </>
    );
  }
  return <>{children}</>;
}
