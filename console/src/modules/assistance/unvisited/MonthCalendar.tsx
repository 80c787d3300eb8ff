import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Button, useListContext, useTranslate } from 'react-admin';
import { formatDay } from '../../../common/format';
import { useApi } from '../../../common/useApi';

import { useCalls } from '../../calls';
import { currentMonth, shiftMonth, weeksOf } from './month';

/**
 * The month as a calendar: the visits recorded on each day, the month's totals (due, visited,
 * unvisited), and arrows to move between months; the list below follows the month chosen.
 */
export function MonthCalendar() {
  const calls = useCalls();
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const month = typeof filterValues.month === 'string' ? filterValues.month : currentMonth();
  const go = (m: string) => setFilters({ ...filterValues, month: m }, displayedFilters);
  const { data: visits } = useApi(() => calls.assistanceVisitsOfMonth(month), [month]);
  const { data: stats } = useApi(() => calls.assistanceVisitStatistics(month), [month]);
  const perDay = new Map<string, number>();
  for (const v of visits?.visits ?? []) perDay.set(v.date, (perDay.get(v.date) ?? 0) + 1);
  const today = formatDay(new Date().toISOString());
  const [y, m] = month.split('-');
  const weekdays = translate('assistance.calendar.weekdays').split(',');
  const total = stats?.total;
  return (
    <Box sx={{ p: 2 }} data-testid="visit-calendar">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Tooltip title={translate('assistance.calendar.previous')}>
          <IconButton
            onClick={() => go(shiftMonth(month, -1))}
            aria-label={translate('assistance.calendar.previous')}
          >
            <ChevronLeftIcon />
          </IconButton>
        </Tooltip>
        <Typography variant="h6" component="h2" data-testid="calendar-month">
          {translate('assistance.calendar.month', { year: y, month: Number(m) })}
        </Typography>
        <Tooltip title={translate('assistance.calendar.next')}>
          <IconButton
            onClick={() => go(shiftMonth(month, 1))}
            aria-label={translate('assistance.calendar.next')}
          >
            <ChevronRightIcon />
          </IconButton>
        </Tooltip>
        {month !== currentMonth() ? (
          <Button label="assistance.calendar.this_month" onClick={() => go(currentMonth())} />
        ) : null}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('assistance.calendar.hint')}
      </Typography>
      {total ? (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="calendar-summary">
          {translate('assistance.calendar.summary', {
            due: total.householdsDue ?? 0,
            visited: total.householdsVisited ?? 0,
            unvisited: total.householdsUnvisited ?? 0,
          })}
        </Typography>
      ) : null}
      {visits && visits.total > visits.visits.length ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('assistance.calendar.truncated', { count: visits.visits.length })}
        </Alert>
      ) : null}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(7, minmax(72px, 1fr))',
          gap: 0.5,
          maxWidth: 760,
        }}
      >
        {weekdays.map((d) => (
          <Typography key={d} variant="caption" align="center" color="text.secondary">
            {d}
          </Typography>
        ))}
        {weeksOf(month)
          .flat()
          .map((day, i) => {
            const count = day ? (perDay.get(day) ?? 0) : 0;
            return (
              <Box
                key={day ?? `blank-${i}`}
                sx={{
                  minHeight: 52,
                  p: 0.5,
                  borderRadius: 1,
                  border: day ? 1 : 0,
                  borderColor: day === today ? 'primary.main' : 'divider',
                  bgcolor: count ? 'success.light' : undefined,
                }}
              >
                {day ? (
                  <>
                    <Typography variant="caption">{Number(day.slice(8))}</Typography>
                    {count ? (
                      <Typography variant="caption" component="div">
                        {translate('assistance.calendar.visits_on_day', { count })}
                      </Typography>
                    ) : null}
                  </>
                ) : null}
              </Box>
            );
          })}
      </Box>
    </Box>
  );
}
