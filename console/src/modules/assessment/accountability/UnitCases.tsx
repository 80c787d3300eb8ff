import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { EnumLabel } from '../../../common/fields';
import type { AccountabilityCase } from './accountability.api';

/** A unit's 问责案件 (its history), shown where its ranking result is explained. */
export function UnitCases({ unitId }: { unitId: string }) {
  const translate = useTranslate();
  const { data, isPending } = useGetList<AccountabilityCase>('accountability-cases', {
    filter: { unitId },
    sort: { field: 'openedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 25 },
  });
  if (isPending) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="unit-cases">
      <Typography variant="subtitle2">{translate('assessment.cases.unit_cases')}</Typography>
      {data?.length ? (
        data.map((c) => (
          <Box key={c.id} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <MuiButton
              size="small"
              component={Link}
              to={`/accountability-cases/${encodeURIComponent(c.id)}/show`}
            >
              {translate('assessment.cases.quarter', { year: c.year, quarter: c.quarter })}
            </MuiButton>
            <EnumLabel name="AccountabilityCaseStatus" code={c.status} />
            {c.decision ? (
              <EnumLabel name="AccountabilityDecisionKind" code={c.decision.kind} />
            ) : null}
          </Box>
        ))
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('assessment.cases.unit_no_cases')}
        </Typography>
      )}
    </Box>
  );
}
