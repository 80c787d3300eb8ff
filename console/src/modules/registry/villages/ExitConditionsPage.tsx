import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import {
  BooleanInput,
  Form,
  NumberInput,
  SaveButton,
  Title,
  maxValue,
  minValue,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { formatDateTime } from '../../../common/format';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { pick, problemOf, useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { INFRASTRUCTURE } from './codes';
import { ReasonInput } from '../households/StepOpinionInputs';
import type { ExitConditionsRequest, VillageExitConditions } from './village-exit.api';

function Versions({ versions }: { versions: VillageExitConditions[] }) {
  const translate = useTranslate();
  if (!versions.length) return null;
  return (
    <>
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('village_exit.conditions.versions')}
      </Typography>
      <List dense data-testid="exit-condition-versions">
        {versions.map((v) => (
          <ListItem key={v.version}>
            <ListItemText
              primary={`${translate('village_exit.conditions.version', { version: v.version })} · ${translate(
                'village_exit.conditions.effective',
                { threshold: v.incidence.effectiveThresholdPercent },
              )}`}
              secondary={translate('village_exit.conditions.changed_by', {
                name: v.changedBy?.name ?? '',
                date: formatDateTime(v.changedAt),
                reason: v.reason ?? '',
              })}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}

/** The form values as the request: a threshold left empty follows the national rule. */
function requestOf(v: Record<string, unknown>, version: number): ExitConditionsRequest {
  const incidence = v.incidence as { enabled: boolean; thresholdPercent: number | null };
  const items = v.infrastructure as Record<string, { enabled?: boolean }>;
  return {
    incidence: {
      enabled: Boolean(incidence.enabled),
      thresholdPercent:
        typeof incidence.thresholdPercent === 'number' ? incidence.thresholdPercent : null,
    },
    infrastructure: Object.fromEntries(
      INFRASTRUCTURE.map((k) => [k, { enabled: Boolean(items[k]?.enabled) }]),
    ),
    reason: String(v.reason ?? '').trim(),
    version,
  };
}

/** Each condition on or off, the threshold, and the reason a change needs. */
function ConditionInputs({ mayChange }: { mayChange: boolean }) {
  const translate = useTranslate();
  return (
    <>
      <BooleanInput source="incidence.enabled" label="village_exit.conditions.incidence_enabled" />
      <NumberInput
        source="incidence.thresholdPercent"
        label="village_exit.conditions.threshold"
        helperText="village_exit.conditions.threshold_hint"
        step={0.1}
        validate={[minValue(0.1), maxValue(100)]}
      />
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('village_exit.conditions.infrastructure')}
      </Typography>
      {INFRASTRUCTURE.map((k) => (
        <BooleanInput
          key={k}
          source={`infrastructure.${k}.enabled`}
          label={translate(`resources.villages.infrastructure.${k}`)}
          helperText={false}
        />
      ))}
      {mayChange ? (
        <>
          <ReasonInput label="village_exit.conditions.reason" />
          <SaveButton label="village_exit.conditions.save" />
        </>
      ) : null}
    </>
  );
}

/**
 * 贫困村退出条件 — the county's conditions in force, each on or off with the incidence
 * threshold (empty follows the national rule), set as a new version with a reason; every
 * version is listed with who set it and why.
 */
export default function ExitConditionsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const calls = useCalls();
  const { permissions } = usePermissions<Permissions>();
  const current = useApi(calls.villageExitConditions, []);
  const versions = useApi(calls.villageExitConditionVersions, []);
  const c = current.data;
  const mayChange =
    hasRight(permissions, 'registry', 'approve') &&
    c !== undefined &&
    permissions?.areaCode === c.areaCode;
  if (current.loading && !c) return <Spinner />;
  if (!c) {
    const p = problemOf(current.error);
    return (
      <Alert severity="error">
        {p ? pick(p.message) : translate('ra.notification.http_error')}
      </Alert>
    );
  }
  const record = {
    incidence: { enabled: c.incidence.enabled, thresholdPercent: c.incidence.thresholdPercent },
    infrastructure: c.infrastructure,
    reason: '',
  };
  const save = async (v: Record<string, unknown>) => {
    try {
      const next = await calls.setVillageExitConditions(c.areaCode, requestOf(v, c.version));
      current.setData(next);
      void versions.reload();
      notify('village_exit.conditions.saved', {
        type: 'success',
        messageArgs: { version: next.version },
      });
    } catch (err) {
      notifyProblem(err);
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="village_exit.conditions.title" />
      <CardContent>
        <Typography variant="h6" component="h1">
          {translate('village_exit.conditions.title')} ·{' '}
          {c.version
            ? translate('village_exit.conditions.version', { version: c.version })
            : translate('village_exit.conditions.national')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('village_exit.conditions.hint')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('village_exit.conditions.province', {
            province: pick({ 'zh-CN': c.province.zh, en: c.province.en }),
            kind: translate(
              c.province.western
                ? 'village_exit.conditions.western'
                : 'village_exit.conditions.not_western',
            ),
            threshold: c.incidence.nationalThresholdPercent,
          })}
        </Typography>
        {!mayChange ? (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('village_exit.conditions.county_only')}
          </Alert>
        ) : null}
        <Form key={c.version} record={record} onSubmit={save} disabled={!mayChange}>
          <ConditionInputs mayChange={mayChange} />
        </Form>
        <Versions versions={versions.data ?? []} />
      </CardContent>
    </Card>
  );
}
