import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

/** One figure of a card: its label, then the value large. */
export const Figure = ({
  label,
  value,
  testId,
}: {
  label: string;
  value: string;
  testId?: string;
}) => {
  const translate = useTranslate();
  return (
    <Box data-testid={testId} data-figure={label}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6">{value}</Typography>
    </Box>
  );
};
