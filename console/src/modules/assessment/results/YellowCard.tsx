import Chip from '@mui/material/Chip';
import { useTranslate } from 'react-admin';

/** 预黄牌 and 问责 marks of a ranked unit. */
export function YellowCard({
  yellowCard,
  accountability,
  consecutive,
}: {
  yellowCard: boolean;
  accountability: boolean;
  consecutive?: number;
}) {
  const translate = useTranslate();
  return (
    <span style={{ display: 'inline-flex', gap: 4 }}>
      {yellowCard ? (
        <Chip
          size="small"
          data-testid="yellow-card"
          label={
            consecutive && consecutive > 1
              ? translate('assessment.yellow_card_streak', { count: consecutive })
              : translate('assessment.yellow_card')
          }
          sx={{ bgcolor: '#fdd835', color: '#000' }}
        />
      ) : null}
      {accountability ? (
        <Chip
          size="small"
          color="error"
          data-testid="accountability"
          label={translate('assessment.accountability')}
        />
      ) : null}
    </span>
  );
}
