import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { api, can, setCsrf, type Account, type Session } from './api';
import { roleLabel } from './labels';
import { go, useRoute } from './route';
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
const ConferencesPage = lazy(() =>
  import('./pages/Conferences').then((m) => ({ default: m.ConferencesPage })),
);
const ConferencePage = lazy(() => import('./pages/Conference').then((m) => ({ default: m.ConferencePage })));
const ImportPage = lazy(() => import('./pages/Import').then((m) => ({ default: m.ImportPage })));

export function App() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const route = useRoute();

  useEffect(() => {
    api
      .get<Session>('/api/v1/session')
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
    await api.del('/api/v1/session').catch(() => undefined);
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
    ...(can.administer(account.role) ? [{ key: 'audit', label: 'Nhật ký thao tác' }] : []),
    { key: 'password', label: 'Đổi mật khẩu' },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          dangvu
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[
            page === 'org'
              ? 'tree'
              : page === 'member'
                ? 'members'
                : page === 'plan'
                  ? 'work'
                  : page === 'conference'
                    ? 'conferences'
                    : page,
          ]}
          items={items}
          onClick={(e) => go(e.key)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space>
          {/* A long office name is cut short (in full on hover) so the menu keeps its items. */}
          <Typography.Text style={{ color: '#fff', maxWidth: 320, verticalAlign: 'middle' }} ellipsis={{ tooltip: true }} data-testid="whoami">
            {account.display_name} · {roleLabel[account.role]}
            {account.org ? ` · ${account.org}` : ''}
          </Typography.Text>
          <Button onClick={logout}>Đăng xuất</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
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
        {page === 'password' && <PasswordPage onDone={() => go('tree')} />}
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
