import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { usePermissions, useTranslate } from 'react-admin';
import { formatDateTime, formatYuan } from '../../../../common/format';
import { hasRight, isCountyWide, type Permissions } from '../../../../providers/permissions';
import type { MonitoringSettings } from '../monitoring.api';
import { SettingsEditButton } from './SettingsEditButton';

const l = (k: string) => `monitoring.rules.${k}`;

/** Where the monitoring line comes from, in words (a setting, or 1.5 × which poverty line). */
function lineSource(s: MonitoringSettings, translate: (k: string, o?: object) => string) {
  return translate(l(`line_source.${s.monitoringLineSource}`), {
    line: formatYuan(s.povertyLineFen),
    year: s.povertyLineYear ?? s.year,
  });
}

/**
 * This year's 监测线 (yuan per person a year) and 医疗自付阈值 with where each comes from and who
 * set them; the county poverty office changes them here.
 */
export function SettingsCard({
  settings,
  onSaved,
}: {
  settings: MonitoringSettings;
  onSaved: (next: MonitoringSettings) => void;
}) {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const mayChange = hasRight(permissions, 'registry', 'approve') && isCountyWide(permissions);
  const setBy = settings.setBy as { name?: string } | null | undefined;
  const figures = [
    {
      key: 'monitoring_line',
      value: translate(l('per_person'), { amount: formatYuan(settings.monitoringLineFen) }),
      source: lineSource(settings, translate),
    },
    {
      key: 'medical_threshold',
      value: translate('app.common.yuan', { amount: formatYuan(settings.medicalThresholdFen) }),
      source: translate(l(`medical_source.${settings.medicalThresholdSource}`)),
    },
  ];
  return (
    <Box data-testid="monitoring-settings">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 3 }}>
        <Typography variant="subtitle1">
          {translate(l('settings'), { year: settings.year })}
        </Typography>
        {mayChange ? <SettingsEditButton settings={settings} onSaved={onSaved} /> : null}
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))' }}>
        {figures.map((f) => (
          <Box key={f.key} sx={{ mt: 1 }} data-figure={l(f.key)}>
            <Typography variant="caption" color="text.secondary">
              {translate(l(f.key))}
            </Typography>
            <Typography variant="h6">{f.value}</Typography>
            <Typography variant="body2" color="text.secondary">
              {f.source}
            </Typography>
          </Box>
        ))}
      </Box>
      {settings.reason && setBy?.name ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate(l('set_by'), {
            name: setBy.name,
            date: formatDateTime(settings.setAt),
            reason: settings.reason,
          })}
        </Typography>
      ) : null}
      {!mayChange ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate(l('county_only'))}
        </Alert>
      ) : null}
    </Box>
  );
}
