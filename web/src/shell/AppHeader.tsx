// The bar at the top: on a wide screen the menu in a row, the account and "Đăng xuất"; on a phone
// or a narrow window a menu button that opens the same items in a drawer, with the account and
// "Đăng xuất" in it, so every page stays reachable at 390 px.
import { useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { Account } from '../api';
import { label } from '../labels';
import { go } from '../route';

interface Props {
  account: Account;
  items: { key: string; label: string }[];
  selected: string;
  onLogout: () => void;
}

export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: take the window's width.
  if (screens.lg === undefined) return window.innerWidth < 992;
  return !screens.lg;
}

function whoami(account: Account) {
  return `${account.display_name} · ${label('roles', account.role)}${account.org ? ` · ${account.org}` : ''}`;
}

export function AppHeader({ account, items, selected, onLogout }: Props) {
  const narrow = useNarrow();
  const [open, setOpen] = useState(false);
  const logo = (
    <a href="#/tree" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
      dangvu
    </a>
  );
  if (narrow) {
    return (
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '0 12px' }}>
        <Button
          aria-label="Mở danh mục"
          aria-expanded={open}
          data-testid="menu-button"
          onClick={() => setOpen(true)}
          style={{ fontSize: 20, lineHeight: 1, padding: '4px 10px' }}
        >
          ☰
        </Button>
        {logo}
        <Typography.Text style={{ color: '#fff', minWidth: 0, flex: 1 }} ellipsis data-testid="whoami">
          {account.display_name}
        </Typography.Text>
        <Drawer
          title="Danh mục"
          placement="left"
          width={Math.min(320, window.innerWidth - 40)}
          open={open}
          onClose={() => setOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <Typography.Paragraph style={{ padding: '12px 16px', margin: 0 }}>{whoami(account)}</Typography.Paragraph>
          <nav aria-label="Danh mục">
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              items={items}
              onClick={(e) => {
                setOpen(false);
                go(e.key);
              }}
            />
          </nav>
          <div style={{ padding: 16 }}>
            <Button block onClick={onLogout}>
              Đăng xuất
            </Button>
          </div>
        </Drawer>
      </Layout.Header>
    );
  }
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
      {logo}
      <nav aria-label="Danh mục" style={{ flex: 1, minWidth: 0 }}>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          items={items.filter((i) => i.key !== 'settings')}
          onClick={(e) => go(e.key)}
        />
      </nav>
      <Space>
        {/* The account, cut short (in full on hover) so the menu keeps its items; it opens the
            user's own settings (text size, password). */}
        <a
          href="#/settings"
          title={`${whoami(account)} — Cá nhân`}
          aria-label={`Cá nhân: ${whoami(account)}`}
          style={{
            color: '#fff',
            display: 'inline-block',
            maxWidth: 260,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            verticalAlign: 'middle',
            textDecoration: selected === 'settings' ? 'underline' : 'none',
          }}
          data-testid="whoami"
        >
          {account.display_name}
        </a>
        <Button onClick={onLogout}>Đăng xuất</Button>
      </Space>
    </Layout.Header>
  );
}
