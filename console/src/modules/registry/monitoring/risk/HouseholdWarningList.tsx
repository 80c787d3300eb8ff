import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DataTable, ReferenceManyField, useTranslate } from 'react-admin';
import { DateTimeField, EnumField } from '../../../../common/fields';
import { DueOnField } from '../warnings/DueOnField';
import { SignalChips } from '../warnings/SignalChips';

const NoWarnings = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate('monitoring.household.none')}
    </Typography>
  );
};

/**
 * The household's monitoring warnings (open, confirmed or dismissed) with their signals; a row
 * opens the warning.
 */
export function HouseholdWarningList() {
  const translate = useTranslate();
  return (
    <Box data-testid="household-warnings">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('monitoring.household.hint')}
      </Typography>
      <ReferenceManyField
        reference="monitoring-warnings"
        target="householdId"
        label={false}
        sort={{ field: 'raisedAt', order: 'DESC' }}
        perPage={50}
      >
        <DataTable rowClick="show" bulkActionButtons={false} empty={<NoWarnings />}>
          <DataTable.Col source="status">
            <EnumField source="status" name="MonitoringWarningStatus" chip />
          </DataTable.Col>
          <DataTable.Col source="signals">
            <SignalChips />
          </DataTable.Col>
          <DataTable.Col source="suggestedCategory">
            <EnumField source="suggestedCategory" name="MonitoringCategory" />
          </DataTable.Col>
          <DataTable.Col source="dueOn">
            <DueOnField />
          </DataTable.Col>
          <DataTable.Col source="raisedAt">
            <DateTimeField source="raisedAt" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
}
