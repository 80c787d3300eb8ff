import { useRecordContext, useTranslate } from 'react-admin';
import type { Ranking } from '../codes';

/** `2019年第1季度（第1版）`. */
export function QuarterLabel() {
  const translate = useTranslate();
  const r = useRecordContext<Ranking>();
  if (!r) return null;
  return (
    <span>
      {translate('assessment.quarter_version', {
        year: r.year,
        quarter: r.quarter,
        version: r.version,
      })}
    </span>
  );
}
