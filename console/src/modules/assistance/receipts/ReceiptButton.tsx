import { RECEIPT_RESULTS } from '@fupin/reference';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { SelectInput, TextInput, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { enumChoices, YuanInput } from '../../../common/inputs';
import { formatDay, formatYuan } from '../../../common/format';
import { useApi } from '../../../common/useApi';
import { pick } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { BenefitRow } from '../../registry/dossier/ledger.api';
import type { Visit } from '../assistance.api';
import type { ReceiptRequest } from './receipt.api';

type Line = { result?: string | null; amountFen?: number | null; note?: string | null };

/** The household's paid ledger rows (oldest year first), each once. */
function paidRows(ledger: { years: { sources: { rows: BenefitRow[] }[] }[] }): BenefitRow[] {
  return ledger.years.flatMap((y) =>
    y.sources.flatMap((s) => s.rows.filter((r) => r.status === 'paid')),
  );
}

/** The form's values as the API's body: the rows given a result, and the evidence. */
export function receiptBody(rows: BenefitRow[], v: Record<string, unknown>): ReceiptRequest {
  const lines = (v.rows ?? []) as Line[];
  const items = rows.flatMap((r, i) => {
    const line = lines[i];
    if (!line?.result) return [];
    return [
      {
        source: r.source,
        rowId: r.id,
        result: line.result as ReceiptRequest['items'][number]['result'],
        amountFen: typeof line.amountFen === 'number' ? line.amountFen : r.amountFen,
        ...(line.note ? { note: line.note } : {}),
      },
    ];
  });
  const photo = typeof v.signaturePhotoId === 'string' && v.signaturePhotoId;
  const code = typeof v.confirmationCode === 'string' && v.confirmationCode.trim();
  return {
    items,
    ...(photo ? { signaturePhotoId: photo } : {}),
    ...(code ? { confirmationCode: code } : {}),
  };
}

/**
 * 到户资金确认 — on a visit, the household confirms the payments of its 受益底册 (from the
 * gateway's ledger): per payment the result and the amount it says it received, with a
 * signature photo of the visit or a confirmation code.
 */
export function ReceiptButton() {
  const translate = useTranslate();
  const calls = useCalls();
  const visit = useRecordContext<Visit>();
  const { canAccess } = useCanAccess({ resource: 'visits', action: 'create' });
  const ledger = useApi(
    canAccess && visit ? () => calls.householdLedger(visit.householdId) : null,
    [canAccess, visit?.householdId],
  );
  if (!visit || !canAccess) return null;
  const rows = ledger.data ? paidRows(ledger.data) : [];
  const leftOut = (ledger.data?.sources ?? []).flatMap((s) =>
    s.status === 'ok' ? [] : [pick(s.message)],
  );
  return (
    <FormDialogButton
      label="assistance.receipts.button"
      title="assistance.receipts.title"
      titleArgs={{ household: visit.householdNo }}
      icon={<FactCheckIcon />}
      hint={translate('assistance.receipts.hint')}
      record={{ rows: rows.map((r) => ({ result: null, amountFen: r.amountFen, note: '' })) }}
      done="assistance.receipts.done"
      maxWidth="md"
      alwaysEnable
      // Without a result picked the service refuses the empty list itself (至少确认一笔).
      onSubmit={(v) => calls.assistanceRecordReceipts(visit.id, receiptBody(rows, v))}
    >
      {leftOut.length ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('assistance.receipts.left_out', { sources: leftOut.join('；') })}
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <Typography color="text.secondary" data-testid="receipt-none">
          {translate('assistance.receipts.none')}
        </Typography>
      ) : null}
      {rows.map((r, i) => (
        <Box key={`${r.source}:${r.id}`} data-testid="receipt-row" sx={{ mb: 1 }}>
          <Typography variant="body2">
            {pick(r.label)} —{' '}
            {translate('assistance.receipts.paid', {
              on: formatDay(r.on),
              amount: formatYuan(r.amountFen),
            })}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <SelectInput
              source={`rows.${i}.result`}
              label="assistance.receipts.result"
              choices={enumChoices('ReceiptResult', RECEIPT_RESULTS)}
              emptyText="—"
              helperText={false}
            />
            <YuanInput source={`rows.${i}.amountFen`} label="assistance.receipts.amount" />
            <TextInput
              source={`rows.${i}.note`}
              label="assistance.receipts.note"
              helperText={false}
            />
          </Box>
        </Box>
      ))}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectInput
          source="signaturePhotoId"
          label="assistance.receipts.photo"
          choices={visit.photos.map((ph, n) => ({
            id: ph.id,
            name: ph.name ?? translate('assistance.receipts.photo_n', { n: n + 1 }),
          }))}
          translateChoice={false}
          emptyText="assistance.receipts.photo_none"
        />
        <TextInput
          source="confirmationCode"
          label="assistance.receipts.code"
          helperText="assistance.receipts.code_hint"
        />
      </Box>
    </FormDialogButton>
  );
}
