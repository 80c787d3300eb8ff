import Typography from '@mui/material/Typography';
import { type FieldProps, useLocale, useRecordContext } from 'react-admin';
import type { Finding } from '../funds.api';

/** The service's own one-line account of the finding, in the console's language. */
export function FindingSummaryField(_props: FieldProps) {
  const f = useRecordContext<Finding>();
  const locale = useLocale();
  const summary = f?.summary;
  const text = summary ? (locale === 'en' ? summary.en : summary['zh-CN']) : '';
  return (
    <Typography component="span" variant="body2">
      {text || '—'}
    </Typography>
  );
}
