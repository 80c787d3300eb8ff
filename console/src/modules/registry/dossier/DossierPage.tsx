import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { Title, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { AssistancePart } from './AssistancePart';
import { ChecksTab } from './ChecksTab';
import { type Dossier, partOf } from './dossier.api';
import { DossierHeader } from './DossierHeader';
import { FundsPart } from './FundsPart';
import { LedgerTab } from './LedgerTab';
import { PartGate } from './PartGate';
import { RegistryPart } from './RegistryPart';
import { SupportPart } from './SupportPart';
import { TimelineTab } from './TimelineTab';

/** The tabs, by the address's last segment (`/households/:id/dossier/<tab>`; none: 家庭与成员). */
const TABS = ['', 'assistance', 'funds', 'support', 'ledger', 'checks', 'timeline'] as const;
type TabName = (typeof TABS)[number];

function TabPanel({ tab, dossier }: { tab: TabName; dossier: Dossier }) {
  const registry = partOf(dossier, 'registry');
  switch (tab) {
    case 'assistance':
      return (
        <PartGate part={partOf(dossier, 'assistance')}>
          {(p) => <AssistancePart sections={p.sections} />}
        </PartGate>
      );
    case 'funds':
      return (
        <PartGate part={partOf(dossier, 'funds')}>
          {(p) => <FundsPart sections={p.sections} />}
        </PartGate>
      );
    case 'support':
      return (
        <PartGate part={partOf(dossier, 'support')}>
          {(p) => <SupportPart sections={p.sections} />}
        </PartGate>
      );
    case 'checks':
      return registry?.status === 'ok' ? (
        <ChecksTab
          matching={partOf(dossier, 'matching')}
          monitoring={registry.sections.monitoring}
        />
      ) : null;
    case 'ledger':
      return <LedgerTab householdId={dossier.householdId} />;
    case 'timeline':
      return <TimelineTab dossier={dossier} />;
    default:
      return <PartGate part={registry}>{(p) => <RegistryPart sections={p.sections} />}</PartGate>;
  }
}

/** Why the dossier could not be read: an unknown household or one outside the user's area. */
function Refused({ error }: { error: unknown }) {
  const translate = useTranslate();
  const p = problemOf(error);
  return (
    <>
      <Title title="dossier.title" />
      <Alert
        severity={p?.status === 404 ? 'info' : 'error'}
        sx={{ mt: 2 }}
        data-testid="dossier-refused"
      >
        {p ? pick(p.message) : translate('app.error.unavailable')}
      </Alert>
    </>
  );
}

/**
 * 一户一档 — one household's whole record on one page: the registry's facts and each service's
 * part in its tab (a part left out says why), and one timeline across them, newest first.
 */
export default function DossierPage() {
  const translate = useTranslate();
  const calls = useCalls();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ?? '';
  const tab: TabName = TABS.find((t) => t === params['*']) ?? '';
  const dossier = useApi(() => calls.householdDossier(id), [id]);
  if (dossier.loading && !dossier.data) return <Spinner />;
  if (!dossier.data) return <Refused error={dossier.error} />;
  const d = dossier.data;
  const registry = partOf(d, 'registry');
  const household = registry?.status === 'ok' ? registry.sections.household : null;
  return (
    <Card sx={{ mt: 2 }} data-testid="dossier">
      <Title
        title={
          household ? translate('dossier.title_of', { no: household.householdNo }) : 'dossier.title'
        }
      />
      <CardContent>
        {household ? <DossierHeader household={household} generatedAt={d.generatedAt} /> : null}
        <Tabs
          value={tab}
          onChange={(_, v: TabName) =>
            navigate(`/households/${encodeURIComponent(id)}/dossier${v ? `/${v}` : ''}`)
          }
          variant="scrollable"
          sx={{ borderBottom: 1, borderColor: 'divider' }}
        >
          {TABS.map((t) => (
            <Tab key={t} value={t} label={translate(`dossier.tabs.${t || 'registry'}`)} />
          ))}
        </Tabs>
        <TabPanel tab={tab} dossier={d} />
      </CardContent>
    </Card>
  );
}
