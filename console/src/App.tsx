import { lazy } from 'react';
import { Route } from 'react-router';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { i18nProvider } from './i18n/i18nProvider';
import { AccessDenied } from './layout/AccessDenied';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { NotFoundPage } from './layout/NotFoundPage';
import { RequireRight } from './layout/RequireRight';
import { theme } from './layout/theme';
import { MODULES, RESOURCES } from './modules';
import { CALLS } from './modules/calls';
import { createAuthProvider } from './providers/authProvider';
import { createDataProvider } from './providers/dataProvider';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));

const authProvider = createAuthProvider(RESOURCES);
const dataProvider = createDataProvider(RESOURCES, CALLS);

export function App() {
  return (
    <Admin
      title="app.title"
      authProvider={authProvider}
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      loginPage={LoginPage}
      accessDenied={AccessDenied}
      catchAll={NotFoundPage}
      dashboard={Dashboard}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {RESOURCES.map((r) => (
        <Resource
          key={r.name}
          name={r.name}
          list={r.list}
          show={r.show}
          edit={r.edit}
          create={r.create}
          icon={r.icon}
          recordRepresentation={r.recordRepresentation}
        />
      ))}
      <CustomRoutes>
        {MODULES.flatMap((m) => m.pages ?? []).map((p) => (
          <Route
            key={p.path}
            path={p.path}
            element={<RequireRight needs={p.needs}>{p.element}</RequireRight>}
          />
        ))}
      </CustomRoutes>
    </Admin>
  );
}
