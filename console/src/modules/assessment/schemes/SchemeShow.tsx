import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  Button,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { DateTimeField } from '../../../common/fields';
import { useApi } from '../../../common/useApi';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { formatIndicatorValue, pickText, type Scheme } from '../codes';

function Tracks() {
  const translate = useTranslate();
  const s = useRecordContext<Scheme>();
  const calls = useCalls();
  const { data } = useApi(() => calls.assessmentIndicators(), [calls]);
  if (!s) return null;
  const byCode = new Map((data ?? []).map((i) => [i.code, i]));
  const f = (k: string) => translate(`assessment.schemes.columns.${k}`);
  return (
    <Box>
      {s.tracks.map((t) => {
        const names = new Map(t.units.map((u) => [u.code, u.name]));
        const targets = s.targets.filter((x) => x.unitKind === t.kind);
        return (
          <Box key={t.kind} sx={{ mb: 3 }} data-testid={`scheme-${t.kind}`}>
            <Typography variant="subtitle1">
              {translate(`enums.AssessmentUnitKind.${t.kind}`)}
            </Typography>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('assessment.schemes.units', {
                names: t.units.map((u) => u.name).join('、'),
              })}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {['indicator', 'weight', 'direction', 'rule', 'floor', 'target'].map((k) => (
                    <TableCell key={k}>{f(k)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {t.indicators.map((i) => {
                  const c = byCode.get(i.code);
                  return (
                    <TableRow key={i.code}>
                      <TableCell>
                        {c ? pickText(c.label) : translate(`enums.AssessmentIndicator.${i.code}`)}
                      </TableCell>
                      <TableCell>{i.weight}</TableCell>
                      <TableCell>{translate(`enums.AssessmentDirection.${i.direction}`)}</TableCell>
                      <TableCell>{translate(`enums.AssessmentRule.${i.rule}`)}</TableCell>
                      <TableCell>
                        {i.floor === null ? '—' : formatIndicatorValue(c?.valueKind, i.floor)}
                      </TableCell>
                      <TableCell>
                        {i.target === null ? '—' : formatIndicatorValue(c?.valueKind, i.target)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {targets.length > 0 ? (
              <>
                <Typography variant="subtitle2" sx={{ mt: 2 }}>
                  {translate('assessment.schemes.targets')}
                </Typography>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      {['unit', 'indicator', 'floor', 'target'].map((k) => (
                        <TableCell key={k}>{f(k)}</TableCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {targets.map((x) => {
                      const c = byCode.get(x.indicator);
                      return (
                        <TableRow key={`${x.unitCode}-${x.indicator}`}>
                          <TableCell>{names.get(x.unitCode) ?? x.unitCode}</TableCell>
                          <TableCell>
                            {c
                              ? pickText(c.label)
                              : translate(`enums.AssessmentIndicator.${x.indicator}`)}
                          </TableCell>
                          <TableCell>
                            {x.floor === null ? '—' : formatIndicatorValue(c?.valueKind, x.floor)}
                          </TableCell>
                          <TableCell>
                            {x.target === null ? '—' : formatIndicatorValue(c?.valueKind, x.target)}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}

function TemplateButton() {
  const s = useRecordContext<Scheme>();
  const notifyProblem = useNotifyProblem();
  const calls = useCalls();
  if (!s) return null;
  return (
    <Button
      label="assessment.schemes.template"
      onClick={() => void calls.assessmentTargetsTemplate(s.year).catch(notifyProblem)}
    >
      <DownloadIcon />
    </Button>
  );
}

/** 考核方案 — per track the ranked units and the indicators with weight, direction and rule. */
export default function SchemeShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <TemplateButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="year" />
        <TextField source="name" />
        <TextField source="revision" />
        <DateTimeField source="updatedAt" />
        <Tracks />
      </SimpleShowLayout>
    </Show>
  );
}
