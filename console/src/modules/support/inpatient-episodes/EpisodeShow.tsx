import Grid from '@mui/material/Grid';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import {
  EditButton,
  Labeled,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DayField, EnumField, YesNoField, YuanField } from '../../../common/fields';
import { formatYuan } from '../../../common/format';
import { EmptyText } from '../EmptyText';
import type { InpatientEpisode } from '../support.api';
import { BasisPointsField, HalfGuard } from '../SupportFields';
import { PayTopUpButton } from './PayTopUpButton';

/** A correction is possible only while no top-up has been paid. */
function CorrectButton() {
  const e = useRecordContext<InpatientEpisode>();
  if (!e || e.topUpPaidFen > 0) return null;
  return <EditButton label="resources.support-inpatient-episodes.correct" />;
}

const Actions = () => (
  <TopToolbar>
    <PayTopUpButton />
    <CorrectButton />
  </TopToolbar>
);

/** 追补发放记录 — every top-up payment of the episode. */
function TopUpPayments() {
  const translate = useTranslate();
  const e = useRecordContext<InpatientEpisode>();
  const payments = e?.topUpPayments ?? [];
  if (payments.length === 0) return <EmptyText />;
  const h = (k: string) => translate(`resources.support-inpatient-episodes.payment.${k}`);
  return (
    <Table size="small" data-testid="top-up-payments">
      <TableHead>
        <TableRow>
          <TableCell>{h('paidOn')}</TableCell>
          <TableCell align="right">{h('amountFen')}</TableCell>
          <TableCell>{h('department')}</TableCell>
          <TableCell>{h('voucherNo')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payments.map((p, i) => (
          <TableRow key={p.id ?? i}>
            <TableCell>{p.paidOn ?? '—'}</TableCell>
            <TableCell align="right">{formatYuan(p.amountFen)}</TableCell>
            <TableCell>{p.department ?? '—'}</TableCell>
            <TableCell>{p.voucherNo ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default function EpisodeShow() {
  return (
    <HalfGuard half="health">
      <Show actions={<Actions />}>
        <Grid container columnSpacing={4}>
          <Grid size={{ xs: 12, md: 6 }}>
            <SimpleShowLayout>
              <TextField source="name" />
              <AreaField source="areaCode" />
              <AreaField source="townshipCode" />
              <TextField source="hospital" />
              <DayField source="admittedOn" />
              <DayField source="dischargedOn" />
              <TextField source="diagnosis" emptyText="—" />
              <YesNoField source="treatFirstPayLater" />
            </SimpleShowLayout>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <SimpleShowLayout data-testid="episode-figures">
              <YuanField source="totalCostFen" />
              <YuanField source="basicInsuranceFen" />
              <YuanField source="seriousIllnessInsuranceFen" />
              <YuanField source="medicalAssistanceFen" />
              <YuanField source="reimbursedFen" />
              <BasisPointsField source="ratioBasisPoints" />
              <BasisPointsField source="targetBasisPoints" />
              <YuanField source="topUpFen" />
              <YuanField source="topUpPaidFen" />
              <EnumField source="topUpStatus" name="TopUpStatus" chip />
            </SimpleShowLayout>
          </Grid>
        </Grid>
        <SimpleShowLayout>
          <Labeled source="topUpPayments" fullWidth>
            <TopUpPayments />
          </Labeled>
        </SimpleShowLayout>
      </Show>
    </HalfGuard>
  );
}
