import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import type { DropoutCase } from '../support.api';

/** 应读年级 — the stage and grade the child should be in (小学 3 年级 …). */
export function ExpectedGrade() {
  const translate = useTranslate();
  const c = useRecordContext<DropoutCase>();
  if (!c) return null;
  return (
    <Typography component="span" variant="body2">
      {`${translate(`enums.SchoolStage.${c.expectedStage}`)} ${translate('support.grade', {
        grade: c.expectedStage === 'junior_secondary' ? c.expectedGrade - 6 : c.expectedGrade,
      })}`}
    </Typography>
  );
}
