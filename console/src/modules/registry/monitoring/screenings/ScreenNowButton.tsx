import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { usePermissions, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../../common/FormDialogButton';
import { hasRight, isCountyWide, type Permissions } from '../../../../providers/permissions';
import { useCalls } from '../../../calls';
import type { ScreeningRun } from '../monitoring.api';
import { ScreeningProgress } from './ScreeningProgress';

/**
 * 立即筛查 — the county poverty office (approve right, county-wide) screens the county now: the
 * run is queued and the dialog follows it until it is done or refused.
 */
export function ScreenNowButton() {
  const translate = useTranslate();
  const calls = useCalls();
  const { permissions } = usePermissions<Permissions>();
  if (!hasRight(permissions, 'registry', 'approve') || !isCountyWide(permissions)) return null;
  return (
    <FormDialogButton<ScreeningRun>
      label="monitoring.screen.button"
      title="monitoring.screen.title"
      hint={translate('monitoring.screen.hint')}
      icon={<ManageSearchIcon />}
      submitLabel="monitoring.screen.submit"
      submitIcon={<ManageSearchIcon />}
      alwaysEnable
      resultTitle="monitoring.screen.result_title"
      onSubmit={() => calls.monitoringScreeningRequest()}
      result={(run) => <ScreeningProgress queued={run} />}
    >
      {null}
    </FormDialogButton>
  );
}
