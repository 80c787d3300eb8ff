import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import type { AssistanceSections } from './dossier.api';
import { SectionTitle } from './SectionTable';

type Calendar = AssistanceSections['visitCalendar'];

/** 走访日历 — the last twelve months, oldest first: each visited one green with its visits. */
export function VisitCalendar({ calendar }: { calendar: Calendar }) {
  const translate = useTranslate();
  return (
    <Box data-testid="dossier-visit-calendar">
      <SectionTitle
        label="dossier.assistance.calendar"
        extra={translate('dossier.assistance.calendar_summary', {
          count: calendar.visitedMonths,
        })}
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(12, minmax(56px, 1fr))', gap: 0.5 }}>
        {calendar.months.map((m) => {
          const [y, mo] = m.month.split('-');
          return (
            <Box
              key={m.month}
              data-visited={m.visited}
              sx={{
                p: 0.75,
                borderRadius: 1,
                textAlign: 'center',
                border: 1,
                borderColor: m.visited ? 'success.main' : 'divider',
                bgcolor: m.visited ? 'success.light' : 'grey.100',
                color: m.visited ? 'success.contrastText' : 'text.secondary',
              }}
            >
              <Typography variant="caption" component="div">
                {translate('dossier.assistance.month', { year: y, month: Number(mo) })}
              </Typography>
              <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
                {m.visited
                  ? translate('dossier.assistance.visits', { count: m.visits })
                  : translate('dossier.assistance.not_visited')}
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
