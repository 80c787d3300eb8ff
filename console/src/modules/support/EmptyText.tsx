import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

/** What an empty sub-list says. */
export const EmptyText = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
      {translate('support.none_yet')}
    </Typography>
  );
};
