import { useEffect, useState } from 'react';
import { Alert, Card, DatePicker, Input, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, query } from '../api';
import { dateFormat, iso } from './forms';

interface Entry {
  id: number;
  at: string;
  actor: string;
  address: string;
  action: string;
  target: string;
  org: string;
  detail: unknown;
}

export function AuditPage() {
  const [user, setUser] = useState('');
  const [org, setOrg] = useState('');
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [to, setTo] = useState<Dayjs | null>(null);
  const [rows, setRows] = useState<Entry[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    const t = setTimeout(() => {
      api
        .get<{ entries: Entry[] }>(`/api/v1/audit${query({ user, org, from: iso(from), to: iso(to), limit: 500 })}`)
        .then((d) => {
          setRows(d.entries);
          setError('');
        })
        .catch((e) => setError(e.message));
    }, 250);
    return () => clearTimeout(t);
  }, [user, org, from, to]);
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
        <DatePicker aria-label="Từ ngày" placeholder="Từ ngày" format={dateFormat} value={from} onChange={setFrom} />
        <DatePicker aria-label="Đến ngày" placeholder="Đến ngày" format={dateFormat} value={to} onChange={setTo} />
      </Space>
      {error && <Alert type="error" message={error} />}
      <Table<Entry>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: 'Thời điểm (UTC)', dataIndex: 'at', width: 190 },
          { title: 'Người', dataIndex: 'actor', width: 120 },
          { title: 'Từ', dataIndex: 'address', width: 120 },
          { title: 'Thao tác', dataIndex: 'action', width: 200 },
          { title: 'Đối tượng', dataIndex: 'target', width: 120 },
          { title: 'Tổ chức', dataIndex: 'org', width: 100 },
          { title: 'Nội dung', dataIndex: 'detail', render: (d) => <code>{JSON.stringify(d)}</code> },
        ]}
      />
    </Card>
  );
}
