import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';

/** The month before this one in Asia/Shanghai, `YYYY-MM`. */
function lastMonth(): string {
  const [y, m] = new Date()
    .toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
    .split('-')
    .map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * 月通报 — the month's progress scored with the year's scheme (no warnings), as a printed PDF
 * with its score chart or as XLSX. The quarterly ranking notices are on each ranking's page.
 */
export default function BulletinsPage() {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const calls = useCalls();
  const [month, setMonth] = useState(lastMonth());
  const [format, setFormat] = useState<'pdf' | 'xlsx'>('pdf');
  const [busy, setBusy] = useState(false);
  const t = (k: string) => translate(`assessment.bulletins.${k}`);
  const download = async () => {
    setBusy(true);
    try {
      await calls.assessmentMonthlyBulletin(month, format);
    } catch (err) {
      notifyProblem(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="assessment.bulletins.title" />
      <CardContent>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 640 }}>
          <Typography variant="body2">{t('hint')}</Typography>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField
              size="small"
              type="month"
              name="month"
              label={t('month')}
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              select
              size="small"
              name="format"
              label={t('format')}
              value={format}
              onChange={(e) => setFormat(e.target.value as 'pdf' | 'xlsx')}
              sx={{ minWidth: 180 }}
            >
              <MenuItem value="pdf">{t('format_pdf')}</MenuItem>
              <MenuItem value="xlsx">{translate('enums.FileFormat.xlsx')}</MenuItem>
            </TextField>
            <Button
              variant="contained"
              startIcon={<DownloadIcon />}
              disabled={busy || !/^\d{4}-\d{2}$/.test(month)}
              onClick={() => void download()}
            >
              {t('download')}
            </Button>
          </Box>
          <Typography variant="body2">
            <Link to="/rankings">{t('notices')}</Link>
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
}
