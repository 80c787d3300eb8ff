import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { pick, problemOf } from '../providers/problem';

/** A dashboard card: its title, then its content once loaded (or why it could not be). */
export function DashboardCard(props: {
  title: string;
  loading: boolean;
  error: unknown;
  empty?: boolean;
  children: ReactNode;
}) {
  const translate = useTranslate();
  const p = problemOf(props.error);
  return (
    <Card sx={{ height: '100%' }} data-testid="dashboard-card">
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {translate(props.title)}
        </Typography>
        {props.loading ? (
          <CircularProgress size={24} />
        ) : props.error ? (
          <Alert severity="error">
            {translate('app.error.load_failed', {
              message: p ? pick(p.message) : translate('ra.notification.http_error'),
            })}
          </Alert>
        ) : props.empty ? (
          <Typography variant="body2" color="text.secondary" data-testid="dashboard-card-empty">
            {translate('dashboard.no_data')}
          </Typography>
        ) : (
          props.children
        )}
      </CardContent>
    </Card>
  );
}
