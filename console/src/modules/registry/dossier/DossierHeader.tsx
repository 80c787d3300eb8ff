import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Button, RecordContextProvider, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { AreaField } from '../../../common/fields';
import { formatDateTime } from '../../../common/format';
import type { RegistrySections } from './dossier.api';
import { PrintCardButton } from './PrintCardButton';
import { PrintHandbookButton } from './PrintHandbookButton';

const Item = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Typography variant="body1" component="div">
        {children}
      </Typography>
    </Box>
  );
};

/** The household the dossier is of: 户号, 户主, its status, its village, when it was put together. */
export function DossierHeader({
  household: h,
  generatedAt,
}: {
  household: RegistrySections['household'];
  generatedAt: string;
}) {
  const translate = useTranslate();
  return (
    <Box
      data-testid="dossier-header"
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 4, mb: 2 }}
    >
      <Typography variant="h5" component="h1" sx={{ width: '100%' }}>
        {translate('dossier.heading', { name: h.headName })}
      </Typography>
      <Item label="dossier.header.household_no">{h.householdNo}</Item>
      <Item label="dossier.header.head">{h.headName}</Item>
      <Item label="dossier.header.status">
        <Chip
          size="small"
          label={translate(`enums.HouseholdStatus.${h.status}`, { _: h.status })}
          data-testid="dossier-status"
        />
      </Item>
      <Item label="dossier.header.village">
        <RecordContextProvider value={{ id: h.id, areaCode: h.areaCode }}>
          <AreaField source="areaCode" />
        </RecordContextProvider>
      </Item>
      <Item label="dossier.header.generated_at">{formatDateTime(generatedAt)}</Item>
      <Box sx={{ ml: 'auto' }}>
        <PrintHandbookButton id={h.id} householdNo={h.householdNo} />
        <PrintCardButton id={h.id} householdNo={h.householdNo} />
        <Button
          component={Link}
          to={`/households/${encodeURIComponent(h.id)}/show`}
          label="dossier.header.back"
          data-testid="dossier-back"
        >
          <ArrowBackIcon />
        </Button>
      </Box>
    </Box>
  );
}
