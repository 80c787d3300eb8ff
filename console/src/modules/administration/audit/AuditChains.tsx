import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../../../common/format';
import { useApi } from '../../../common/useApi';
import { useCalls } from '../../calls';
import type { AuditChainState } from './audit.api';

/** One service's chain in a line: whole, or where it breaks, or that it did not answer. */
function ChainLine({ state }: { state: AuditChainState }) {
  const translate = useTranslate();
  const service = translate(`enums.Service.${state.service}`, { _: state.service });
  const at = formatDateTime(state.verifiedAt);
  if (state.unreachable !== undefined)
    return (
      <Alert severity="warning">
        {translate('auditChain.unreachable', { service, at, status: state.unreachable })}
      </Alert>
    );
  if (state.ok)
    return (
      <Alert severity="success">
        {translate('auditChain.ok', { service, at, count: state.checked ?? 0 })}
        {state.unchained
          ? ` ${translate('auditChain.unchained', { count: state.unchained, seq: state.firstSeq ?? '-' })}`
          : ''}
      </Alert>
    );
  return (
    <Alert severity="error">
      {translate('auditChain.problem', { service, at })}
      {(state.problems ?? []).map((p, i) => (
        <div key={i}>
          {translate(`auditChain.kind.${p.kind}`)}
          {p.seq !== null ? ` · ${translate('auditChain.seq', { seq: p.seq })}` : ''}
          {p.entryId ? ` · ${p.entryId}` : ''}
        </div>
      ))}
    </Alert>
  );
}

/** 审计链状态 — above the audit search: each service's chain as verified when the page opened. */
export function AuditChains() {
  const translate = useTranslate();
  const calls = useCalls();
  const { data, error } = useApi(() => calls.auditChains(), [calls]);
  if (error) return <Alert severity="error">{translate('auditChain.load_failed')}</Alert>;
  if (!data) return null;
  return (
    <Stack spacing={0.5} sx={{ my: 1 }} data-testid="audit-chains">
      {data.map((s) => (
        <ChainLine key={s.service} state={s} />
      ))}
    </Stack>
  );
}
