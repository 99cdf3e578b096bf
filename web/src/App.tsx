import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Layout, Spin } from 'antd';
import { can, setCsrf, viewerOf, type Session, type Viewer } from './api';
import { client, data, errorText } from './client';
import { installLabels } from './labels';
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
const StatisticsPage = lazy(() => import('./pages/Statistics').then((m) => ({ default: m.StatisticsPage })));
const DuesPage = lazy(() => import('./pages/Dues').then((m) => ({ default: m.DuesPage })));
const DuesReportPage = lazy(() => import('./pages/DuesReport').then((m) => ({ default: m.DuesReportPage })));
const BadgesPage = lazy(() => import('./pages/Badges').then((m) => ({ default: m.BadgesPage })));
const RatingsPage = lazy(() => import('./pages/Ratings').then((m) => ({ default: m.RatingsPage })));
const OrgResultsPage = lazy(() => import('./pages/OrgResults').then((m) => ({ default: m.OrgResultsPage })));
const WorkPage = lazy(() => import('./pages/Work').then((m) => ({ default: m.WorkPage })));
const PlanPage = lazy(() => import('./pages/Plan').then((m) => ({ default: m.PlanPage })));
const ConferencesPage = lazy(() => import('./pages/Conferences').then((m) => ({ default: m.ConferencesPage })));
const ConferencePage = lazy(() => import('./pages/Conference').then((m) => ({ default: m.ConferencePage })));
const SettingsPage = lazy(() => import('./pages/Settings').then((m) => ({ default: m.SettingsPage })));
const AccountsPage = lazy(() => import('./pages/Accounts').then((m) => ({ default: m.AccountsPage })));
const ImportPage = lazy(() => import('./pages/Import').then((m) => ({ default: m.ImportPage })));

export function App() {
  const [account, setAccount] = useState<Viewer | null | undefined>(undefined);
  const route = useRoute();
  const narrow = useNarrow();

  // The labels come with the session: every page names codes by them.
  const [labelsError, setLabelsError] = useState('');
  const signIn = async (s: Session) => {
    setCsrf(s.csrf_token);
    if (!s.account.must_change_password) {
      try {
        installLabels(data(await client.GET('/api/v1/labels')));
      } catch (e) {
        setLabelsError(errorText(e));
        return;
      }
    }
    setLabelsError('');
    setAccount(viewerOf(s));
  };
  useEffect(() => {
    client
      .GET('/api/v1/session')
      .then(data)
      .then(signIn)
      .catch(() => setAccount(null));
    // Once, when the app opens.
  }, []);

  if (labelsError) {
    return (
      <Alert
        style={{ margin: 48 }}
        type="error"
        showIcon
        message="Không tải được danh mục của máy chủ"
        description={`${labelsError} Hãy tải lại trang.`}
      />
    );
  }

  if (account === undefined) return <Spin style={{ margin: 48 }} />;
  if (account === null) {
    return <LoginPage onLogin={signIn} />;
  }
  if (account.must_change_password) {
    // The password changed, the session is the same one: ask for it again (with the labels).
    return (
      <PasswordPage
        forced
        onDone={() =>
          client
            .GET('/api/v1/session')
            .then(data)
            .then(signIn)
            .catch(() => setAccount(null))
        }
      />
    );
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
    ...(can.writeMembers(account) ? [{ key: 'import', label: 'Nhập từ Excel' }] : []),
    ...(can.administer(account) ? [{ key: 'accounts', label: 'Tài khoản' }] : []),
    ...(can.administer(account) ? [{ key: 'audit', label: 'Nhật ký thao tác' }] : []),
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
            {page === 'audit' && can.administer(account) && <AuditPage />}
            {page === 'report' && <ReportPage account={account} code={route[1]} />}
            {page === 'statistics' && <StatisticsPage account={account} code={route[1]} />}
            {page === 'dues' && <DuesPage account={account} code={route[1]} />}
            {page === 'dues-report' && <DuesReportPage account={account} code={route[1]} />}
            {page === 'badges' && <BadgesPage account={account} code={route[1]} />}
            {page === 'ratings' && <RatingsPage account={account} code={route[1]} />}
            {page === 'org-results' && <OrgResultsPage account={account} code={route[1]} />}
            {page === 'work' && <WorkPage account={account} code={route[1]} />}
            {page === 'plan' && <PlanPage account={account} code={route[1]} />}
            {page === 'conferences' && <ConferencesPage account={account} code={route[1]} />}
            {page === 'conference' && <ConferencePage account={account} id={route[1] ?? ''} />}
            {page === 'import' &&
              (can.writeMembers(account) ? (
                <ImportPage account={account} />
              ) : (
                <Alert type="info" showIcon message="Tài khoản của bạn chỉ được xem, không được nhập dữ liệu từ tệp." />
              ))}
            {page === 'settings' && <SettingsPage onDone={() => go('tree')} />}
            {page === 'accounts' && can.administer(account) && <AccountsPage />}
            {!(page in sectionOf) && <NotFound />}
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}
