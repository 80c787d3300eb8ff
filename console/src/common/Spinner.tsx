import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';

/** Shown at once while a panel loads (react-admin's Loading waits a second before it shows). */
export const Spinner = () => (
  <Box sx={{ display: 'flex', justifyContent: 'center', p: 3 }}>
    <CircularProgress size={28} />
  </Box>
);
