import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { Title, useTranslate } from 'react-admin';
import { Spinner } from '../../../../common/Spinner';
import { useApi } from '../../../../common/useApi';
import { pick, problemOf } from '../../../../providers/problem';
import { useCalls } from '../../../calls';
import { RuleTable } from './RuleTable';
import { SettingsCard } from './SettingsCard';

/**
 * 预警规则与阈值 — the rule table the screening runs (version, inputs, threshold, in the user's
 * language) and this year's monitoring line and medical threshold.
 */
export default function RulesPage() {
  const translate = useTranslate();
  const calls = useCalls();
  const rules = useApi(calls.monitoringRules, []);
  const data = rules.data;
  if (rules.loading && !data) return <Spinner />;
  if (!data) {
    const p = problemOf(rules.error);
    return (
      <Alert severity="error">
        {p ? pick(p.message) : translate('ra.notification.http_error')}
      </Alert>
    );
  }
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="monitoring.rules.title" />
      <CardContent>
        <Typography variant="h6" component="h1">
          {translate('monitoring.rules.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('monitoring.rules.hint')}
        </Typography>
        <RuleTable rules={data.rules} />
        <SettingsCard
          settings={data.settings}
          onSaved={(settings) => rules.setData({ ...data, settings })}
        />
      </CardContent>
    </Card>
  );
}
