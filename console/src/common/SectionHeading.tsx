import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

/** A section's title inside a form or a page (`resources.villages.sections.facts` …). */
export const SectionHeading = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mt: 2 }}>
      {translate(label)}
    </Typography>
  );
};
