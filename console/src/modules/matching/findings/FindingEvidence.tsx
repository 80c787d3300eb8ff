import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { RecordContextProvider, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { AreaField, EnumLabel } from '../../../common/fields';
import { formatDay, formatYuan } from '../../../common/format';
import type { Finding } from '../matching.api';

interface ListRowEvidence {
  kind: 'list_row';
  listId?: string;
  listType?: string;
  listVersion?: number;
  listDate?: string;
  row?: number;
  idMasked?: string;
  fact?: string | null;
  columns?: Record<string, string>;
  mismatch?: string[];
  change?: {
    kind: string;
    householdSize: number | null;
    sizeAfter: number | null;
  };
  statement?: Statement;
}
/** The facts a 回头看 finding rests on, in both languages. */
interface Statement {
  'zh-CN': string;
  en: string;
}
interface NotOnListEvidence {
  kind: 'not_on_list';
  lists?: {
    listId: string;
    listType: string;
    listVersion: number;
    listDate: string;
    areaCode: string;
  }[];
  ageOnListDate?: number;
}
interface RegistryEvidence {
  kind: 'registry';
  households?: {
    householdId: string;
    householdNo: string;
    areaCode: string;
    memberName: string | null;
  }[];
  perCapitaIncomeFen?: number;
  povertyLineFen?: number;
  incomeYear?: number;
  exitYear?: number | null;
  guarantees?: { code: string; state: string }[];
  guaranteeSource?: 'states' | 'flags';
  statement?: Statement;
}
type Evidence = ListRowEvidence | NotOnListEvidence | RegistryEvidence;

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <TableRow>
      <TableCell sx={{ width: 220, color: 'text.secondary' }}>
        {translate(`resources.matching-findings.evidence.${label}`)}
      </TableCell>
      <TableCell>{children}</TableCell>
    </TableRow>
  );
}

function ListRow({ e }: { e: ListRowEvidence }) {
  const translate = useTranslate();
  return (
    <>
      <Line label="list">
        {e.listId ? (
          <Link to={`/department-lists/${encodeURIComponent(e.listId)}/show`}>
            <EnumLabel name="MatchingListType" code={e.listType} />
          </Link>
        ) : (
          <EnumLabel name="MatchingListType" code={e.listType} />
        )}
        {translate('resources.matching-findings.evidence.version_date', {
          version: e.listVersion ?? '—',
          date: formatDay(e.listDate),
        })}
      </Line>
      <Line label="row">{e.row ?? '—'}</Line>
      <Line label="id_masked">
        <span data-testid="evidence-id">{e.idMasked ?? '—'}</span>
      </Line>
      {e.fact ? (
        <Line label="fact">
          {e.listType === 'employment_wages' ? `${formatYuan(Number(e.fact))} 元` : e.fact}
        </Line>
      ) : null}
      {e.mismatch?.length ? (
        <Line label="mismatch">
          {e.mismatch
            .map((m) => translate(`resources.matching-findings.evidence.mismatch_${m}`))
            .join('、')}
        </Line>
      ) : null}
      {e.change ? (
        <Line label="household_size">
          {translate('resources.matching-findings.evidence.size_change', {
            before: e.change.householdSize ?? '—',
            after: e.change.sizeAfter ?? '—',
          })}
        </Line>
      ) : null}
      {Object.entries(e.columns ?? {}).map(([header, value]) => (
        <TableRow key={header}>
          <TableCell sx={{ color: 'text.secondary' }}>{header}</TableCell>
          <TableCell>{value || '—'}</TableCell>
        </TableRow>
      ))}
    </>
  );
}

function NotOnList({ e }: { e: NotOnListEvidence }) {
  const translate = useTranslate();
  return (
    <>
      {(e.lists ?? []).map((l) => (
        <Line key={l.listId} label="missing_from">
          <Link to={`/department-lists/${encodeURIComponent(l.listId)}/show`}>
            <EnumLabel name="MatchingListType" code={l.listType} />
          </Link>
          {translate('resources.matching-findings.evidence.version_date', {
            version: l.listVersion,
            date: formatDay(l.listDate),
          })}
        </Line>
      ))}
      {e.ageOnListDate !== undefined ? <Line label="age">{e.ageOnListDate}</Line> : null}
    </>
  );
}

function Registry({ e }: { e: RegistryEvidence }) {
  const translate = useTranslate();
  return (
    <>
      {(e.households ?? []).map((h) => (
        <Line key={h.householdId} label="household">
          <Link to={`/households/${encodeURIComponent(h.householdId)}/show`}>{h.householdNo}</Link>
          {h.memberName ? `（${h.memberName}）` : ''}{' '}
          <RecordContextProvider value={h}>
            <AreaField source="areaCode" />
          </RecordContextProvider>
        </Line>
      ))}
      {e.perCapitaIncomeFen !== undefined ? (
        <Line label="income">
          {formatYuan(e.perCapitaIncomeFen)}（{e.incomeYear}）
        </Line>
      ) : null}
      {e.povertyLineFen !== undefined ? (
        <Line label="poverty_line">{formatYuan(e.povertyLineFen)}</Line>
      ) : null}
      {e.exitYear ? <Line label="exit_year">{e.exitYear}</Line> : null}
      {e.guarantees?.length ? (
        <Line label="guarantees">
          {e.guarantees
            .map(
              (g) =>
                `${translate(`enums.MatchingGuarantee.${g.code}`, { _: g.code })}（${translate(
                  `enums.MatchingGuaranteeState.${g.state}`,
                  { _: g.state },
                )}）`,
            )
            .join('、')}
          {e.guaranteeSource === 'flags'
            ? translate('resources.matching-findings.evidence.from_flags')
            : ''}
        </Line>
      ) : null}
    </>
  );
}

/**
 * 比对依据 — what the finding rests on: the department's row (its ID number and other cells
 * masked: no clear ID number exists in the matching service), the lists the person is
 * missing from, or the registry's own figures.
 */
export function FindingEvidence() {
  const translate = useTranslate();
  const locale = useLocale();
  const f = useRecordContext<Finding>();
  if (!f) return null;
  const e = f.evidence as Evidence;
  const statement = e.kind === 'not_on_list' ? undefined : e.statement;
  return (
    <Box data-testid="finding-evidence">
      {statement ? (
        <Alert severity="warning" sx={{ maxWidth: 760, mt: 2 }} data-testid="finding-statement">
          {locale.startsWith('zh') ? statement['zh-CN'] : statement.en}
        </Alert>
      ) : null}
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate(`resources.matching-findings.evidence.kind_${e.kind}`)}
      </Typography>
      <Table size="small" sx={{ maxWidth: 760 }}>
        <TableBody>
          {e.kind === 'list_row' ? <ListRow e={e} /> : null}
          {e.kind === 'not_on_list' ? <NotOnList e={e} /> : null}
          {e.kind === 'registry' ? <Registry e={e} /> : null}
        </TableBody>
      </Table>
    </Box>
  );
}
