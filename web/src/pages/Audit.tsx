// The audit log as an office reads it: when (dd/mm/yyyy HH:mm, Vietnam's time), who, what in
// Vietnamese, and each recorded field as "label: before → after". Filters by user, organization
// and dates; on a phone each entry is a card rather than a wide table.
import { useEffect, useState } from 'react';
import { Alert, Card, DatePicker, Input, List, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { $api, errorText, type Schemas } from '../client';
import { useNarrow } from '../shell/AppHeader';
import { vnDateTime } from '../time';
import { iso, dateFormats } from './forms';

type Entry = Schemas['AuditEntry'];

function Changes({ entry }: { entry: Entry }) {
  if (entry.changes.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {entry.changes.map((c) => (
        <li key={c.field}>
          {c.label}: {c.before ? `${c.before} → ${c.after}` : c.after}
        </li>
      ))}
    </ul>
  );
}

export function AuditPage() {
  const [user, setUser] = useState('');
  const [org, setOrg] = useState('');
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [to, setTo] = useState<Dayjs | null>(null);
  const narrow = useNarrow();
  // The filters typed apply once the typing pauses.
  const [filters, setFilters] = useState({ user, org });
  useEffect(() => {
    const t = setTimeout(() => setFilters({ user, org }), 250);
    return () => clearTimeout(t);
  }, [user, org]);
  const log = $api.useQuery('get', '/api/v1/audit', {
    params: {
      query: {
        user: filters.user || undefined,
        org: filters.org || undefined,
        from: iso(from) || undefined,
        to: iso(to) || undefined,
        limit: 500,
      },
    },
  });
  const rows = log.data?.entries ?? [];
  return (
    <Card title="Nhật ký thao tác">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          aria-label="Người thực hiện"
          placeholder="Người thực hiện"
          value={user}
          onChange={(e) => setUser(e.target.value.trim())}
        />
        <Input
          aria-label="Mã tổ chức"
          placeholder="Mã tổ chức"
          value={org}
          onChange={(e) => setOrg(e.target.value.trim())}
        />
        <DatePicker aria-label="Từ ngày" placeholder="Từ ngày" format={dateFormats} value={from} onChange={setFrom} />
        <DatePicker aria-label="Đến ngày" placeholder="Đến ngày" format={dateFormats} value={to} onChange={setTo} />
      </Space>
      {log.error && <Alert type="error" message={errorText(log.error)} />}
      {narrow ? (
        <List<Entry>
          loading={log.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          renderItem={(e) => (
            <List.Item>
              <div>
                <Typography.Text strong>{e.action_label}</Typography.Text>
                {e.target && ` — ${e.target}`}
                <div>
                  <Typography.Text type="secondary">
                    {vnDateTime(e.at)} · {e.actor_label}
                    {e.address && ` · ${e.address}`}
                  </Typography.Text>
                </div>
                <Changes entry={e} />
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Entry>
          rowKey="id"
          size="small"
          loading={log.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'Thời điểm', dataIndex: 'at', render: (t: string) => vnDateTime(t), width: 150 },
            { title: 'Người thực hiện', dataIndex: 'actor_label', width: 150 },
            { title: 'Thao tác', dataIndex: 'action_label', width: 220 },
            { title: 'Đối tượng', dataIndex: 'target', width: 120 },
            { title: 'Tổ chức', dataIndex: 'org', width: 100 },
            { title: 'Nội dung', render: (_, e) => <Changes entry={e} /> },
            { title: 'Địa chỉ máy', dataIndex: 'address', width: 120 },
          ]}
        />
      )}
    </Card>
  );
}
