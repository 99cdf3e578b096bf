import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Layout, Spin } from 'antd';
import { can, setCsrf, type Account } from './api';
import { client, data } from './client';
import { go, useRoute } from './route';
import { AppHeader, useNarrow } from './shell/AppHeader';
import { NotFound, PageHeading, sectionOf } from './shell/PageHeading';
import { LoginPage, PasswordPage } from './pages/Login';
import { TreePage } from './pages/Tree';
// Pages beyond the tree load when first opened (ECharts only with the organization page), so the
// first load stays small.
const OrgPage = lazy(() => import('./pages/Org').then((m) => ({ default: m.OrgPage })));
const MembersPage = lazy(() => import('./pages/Members').then((m) => ({ default: m.MembersPage })));
const MemberPage = lazy(() => import('./pages/Member').then((m) => ({ default: m.MemberPage })));
const AuditPage = lazy(() => import('./pages/Audit').then((m) => ({ default: m.AuditPage })));
const ReportPage = lazy(() => import('./pages/Report').then((m) => ({ default: m.ReportPage })));
const WorkPage = lazy(() => import('./pages/Work').then((m) => ({ default: m.WorkPage })));
const PlanPage = lazy(() => import('./pages/Plan').then((m) => ({ default: m.PlanPage })));
const ConferencesPage = lazy(() => import('./pages/Conferences').then((m) => ({ default: m.ConferencesPage })));
const ConferencePage = lazy(() => import('./pages/Conference').then((m) => ({ default: m.ConferencePage })));
const SettingsPage = lazy(() => import('./pages/Settings').then((m) => ({ default: m.SettingsPage })));
const AccountsPage = lazy(() => import('./pages/Accounts').then((m) => ({ default: m.AccountsPage })));
const ImportPage = lazy(() => import('./pages/Import').then((m) => ({ default: m.ImportPage })));

export function App() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const route = useRoute();
  const narrow = useNarrow();

  useEffect(() => {
    client
      .GET('/api/v1/session')
      .then(data)
      .then((s) => {
        setCsrf(s.csrf_token);
        setAccount(s.account);
      })
      .catch(() => setAccount(null));
  }, []);

  if (account === undefined) return <Spin style={{ margin: 48 }} />;
  if (account === null) {
    return (
      <LoginPage
        onLogin={(s) => {
          setCsrf(s.csrf_token);
          setAccount(s.account);
        }}
      />
    );
  }
  if (account.must_change_password) {
    return <PasswordPage forced onDone={() => setAccount({ ...account, must_change_password: false })} />;
  }

  const logout = async () => {
    await client.DELETE('/api/v1/session').catch(() => undefined);
    setAccount(null);
    go('tree');
  };
  const page = route[0] || 'tree';
  const items = [
    { key: 'tree', label: 'Cây tổ chức' },
    { key: 'members', label: 'Đảng viên' },
    { key: 'work', label: 'Công tác' },
    { key: 'report', label: 'Báo cáo' },
    { key: 'conferences', label: 'Hội nghị' },
    ...(can.writeMembers(account.role) ? [{ key: 'import', label: 'Nhập từ Excel' }] : []),
    ...(can.administer(account.role) ? [{ key: 'accounts', label: 'Tài khoản' }] : []),
    ...(can.administer(account.role) ? [{ key: 'audit', label: 'Nhật ký thao tác' }] : []),
    { key: 'settings', label: 'Cá nhân' },
  ];
  const section = sectionOf[page];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader account={account} items={items} selected={section ?? page} onLogout={logout} />
      <Layout.Content style={{ padding: narrow ? '12px 8px' : 24 }}>
        <main>
          <PageHeading page={page} />
          <Suspense fallback={<Spin />}>
            {page === 'tree' && <TreePage account={account} />}
            {page === 'org' && <OrgPage account={account} code={route[1]} />}
            {page === 'members' && <MembersPage account={account} />}
            {page === 'member' && <MemberPage account={account} code={route[1]} />}
            {page === 'audit' && can.administer(account.role) && <AuditPage />}
            {page === 'report' && <ReportPage account={account} code={route[1]} />}
            {page === 'work' && <WorkPage account={account} code={route[1]} />}
            {page === 'plan' && <PlanPage account={account} code={route[1]} />}
            {page === 'conferences' && <ConferencesPage account={account} code={route[1]} />}
            {page === 'conference' && <ConferencePage account={account} id={route[1] ?? ''} />}
            {page === 'import' &&
              (can.writeMembers(account.role) ? (
                <ImportPage account={account} />
              ) : (
                <Alert type="info" showIcon message="Tài khoản của bạn chỉ được xem, không được nhập dữ liệu từ tệp." />
              ))}
            {page === 'settings' && <SettingsPage onDone={() => go('tree')} />}
            {page === 'accounts' && can.administer(account.role) && <AccountsPage />}
            {!(page in sectionOf) && <NotFound />}
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}
