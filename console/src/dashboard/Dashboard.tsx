import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { Suspense } from 'react';
import { Title, useGetOne, usePermissions, useTranslate } from 'react-admin';
import { Spinner } from '../common/Spinner';
import { MODULES } from '../modules';
import { hasRight, type Permissions } from '../providers/permissions';

function Scope({ p }: { p: NonNullable<Permissions> }) {
  const translate = useTranslate();
  const { data } = useGetOne(
    'areas',
    { id: p.areaCode },
    { enabled: hasRight(p, 'registry', 'read'), retry: false },
  );
  const roles = p.roles.map((r) => translate(`enums.Role.${r}`, { _: r })).join('、');
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('dashboard.scope', {
        area: data ? `${String(data.name)}（${p.areaCode}）` : p.areaCode,
      })}{' '}
      · {translate('app.user.roles', { roles })}
    </Typography>
  );
}

/**
 * 工作台 — what each user kind sees first: the cards every module offers for the user's
 * rights (the registry's figures and charts, the administrators' security events …).
 */
export default function Dashboard() {
  const translate = useTranslate();
  const { permissions, isPending } = usePermissions<Permissions>();
  if (isPending || !permissions) return <Spinner />;
  const cards = MODULES.flatMap((m) => m.dashboard?.(permissions) ?? []);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="menu.dashboard" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h1">
            {translate('dashboard.welcome', { name: permissions.username })}
          </Typography>
          <Scope p={permissions} />
        </CardContent>
      </Card>
      {cards.length === 0 ? (
        <Typography>{translate('dashboard.no_rights')}</Typography>
      ) : (
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(440px, 1fr))',
            gap: 2,
          }}
        >
          {cards.map((C, i) => (
            <Suspense key={i} fallback={<Spinner />}>
              <C />
            </Suspense>
          ))}
        </Box>
      )}
    </Box>
  );
}
