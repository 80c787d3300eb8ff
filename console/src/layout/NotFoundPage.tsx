import HistoryIcon from '@mui/icons-material/History';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

/**
 * 页面不存在 — titled in the app bar and the tab. react-admin's own page titles itself with the
 * app's title as a plain string, so the bar read the raw key `app.title`.
 */
export function NotFoundPage() {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', mt: 10, color: 'text.secondary' }}>
      <Title title="ra.page.not_found" />
      <SearchOffIcon sx={{ fontSize: 96 }} />
      <Typography variant="h5" component="h1" sx={{ my: 2 }}>
        {translate('ra.page.not_found')}
      </Typography>
      <Typography sx={{ mb: 3 }}>{translate('ra.message.not_found')}</Typography>
      <Button variant="contained" startIcon={<HistoryIcon />} onClick={() => window.history.go(-1)}>
        {translate('ra.action.back')}
      </Button>
    </Box>
  );
}
