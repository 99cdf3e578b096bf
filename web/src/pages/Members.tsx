import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { Select } from '../controls';
import dayjs, { type Dayjs } from 'dayjs';
import { can, query, type Viewer, type MemberList, type MemberRow } from '../api';
import { vnDate, label, options } from '../labels';
import { go, hashParams, replaceHashParams, useRoute } from '../route';
import { client } from '../client';
import type { paths } from '../generated/openapi';
import { fieldErrors, iso, dateFormats } from './forms';

const statusOptions = () => [
  { value: 'active', label: 'Đang sinh hoạt (chính thức, dự bị, quần chúng ưu tú)' },
  { value: 'all', label: 'Tất cả' },
  ...options('member_statuses').filter((o) => o.value !== 'none'),
];

export function MembersPage({ account }: { account: Viewer }) {
  const route = useRoute();
  // The search as the address holds it: back from a member's page, the list is as it was left.
  const [initial] = useState(hashParams);
  const [typed, setTyped] = useState(initial.get('q') ?? '');
  const [q, setQ] = useState(typed);
  const [status, setStatus] = useState(initial.get('status') ?? 'active');
  const [org, setOrg] = useState(route[1] ?? '');
  const [at, setAt] = useState<Dayjs | null>(initial.get('at') ? dayjs(initial.get('at')) : dayjs());
  const [page, setPage] = useState(Number(initial.get('page')) || 1);
  const [pageSize, setPageSize] = useState(Number(initial.get('size')) || 50);
  const [adding, setAdding] = useState(false);
  // The dossier's sensitive columns in the export: only for a role that may (the server audits it).
  const [sensitive, setSensitive] = useState(false);

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    const t = setTimeout(() => {
      setQ((prev) => {
        if (prev !== typed) setPage(1);
        return typed;
      });
    }, 250);
    return () => clearTimeout(t);
  }, [typed]);
  const today = iso(dayjs());
  useEffect(() => {
    replaceHashParams({
      q,
      status: status === 'active' ? undefined : status,
      at: iso(at) === today ? undefined : iso(at),
      page: page === 1 ? undefined : page,
      size: pageSize === 50 ? undefined : pageSize,
    });
  }, [q, status, at, page, pageSize, today]);
  // `more`: the server stopped counting at `total` (a common name over a whole province). The
  // page shown stays until the next one has come (no empty flash), and an older answer never
  // replaces a newer one.
  const list = useQuery({
    queryKey: ['members', { q, status, org, at: iso(at), page, pageSize }],
    queryFn: async ({ signal }) =>
      (
        await client.GET('/api/v1/members', {
          params: {
            query: {
              q: q || undefined,
              status: status as NonNullable<paths['/api/v1/members']['get']['parameters']['query']>['status'],
              org: org || undefined,
              at: iso(at),
              limit: pageSize,
              offset: (page - 1) * pageSize,
            },
          },
          signal,
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
  const data: MemberList = list.data ?? { at: '', total: 0, more: false, rows: [] };
  const error = list.error?.message ?? '';
  const loading = list.isFetching;
  // The list as filtered on screen, every page of it.
  const exportHref = (format: 'xlsx' | 'csv') =>
    `/api/v1/export/members${query({
      org,
      at: iso(at),
      status,
      q,
      format,
      sensitive: sensitive && can.exportSensitive(account) ? 'true' : undefined,
    })}`;

  return (
    <Card
      title="Đảng viên"
      extra={
        <Space wrap>
          {can.exportSensitive(account) && (
            <Checkbox
              checked={sensitive}
              onChange={(e) => setSensitive(e.target.checked)}
              data-testid="export-members-sensitive"
            >
              Kèm dữ liệu nhạy cảm
            </Checkbox>
          )}
          {/* Plain links: the session cookie goes along and the browser saves the file. */}
          <Button href={exportHref('xlsx')} data-testid="export-members-xlsx">
            Xuất Excel
          </Button>
          <Button href={exportHref('csv')} data-testid="export-members-csv">
            Xuất CSV
          </Button>
          {can.writeMembers(account) && <Button href="#/import">Nhập từ Excel…</Button>}
          {can.writeMembers(account) && <Button onClick={() => setAdding(true)}>Thêm người…</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="Tìm theo họ tên"
          placeholder="Họ tên (gõ không dấu cũng được)"
          allowClear
          style={{ width: 340 }}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="member-search"
        />
        <Select
          aria-label="Tình trạng"
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={statusOptions()}
          style={{ width: 300 }}
        />
        <Input
          aria-label="Mã tổ chức"
          placeholder="Mã tổ chức"
          value={org}
          onChange={(e) => (setOrg(e.target.value.trim()), setPage(1))}
          style={{ width: 220 }}
        />
        <DatePicker aria-label="Tính đến ngày" value={at} format={dateFormats} onChange={setAt} allowClear={false} />
      </Space>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Table<MemberRow>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={data.rows}
        onRow={(r) => ({ onClick: () => go('member', r.code), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          // One page past the count when it stopped early, so the next page can be asked for.
          total: data.more ? data.total + pageSize : data.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 500],
          showTotal: () => `${data.more ? 'Hơn ' : ''}${data.total.toLocaleString('vi-VN')} người`,
          onChange: (p, s) => (setPage(p), setPageSize(s)),
        }}
        scroll={{ x: 'max-content', y: 560 }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'full_name' },
          { title: 'Ngày sinh', dataIndex: 'birth_date', render: vnDate, width: 120 },
          {
            title: 'Tình trạng',
            dataIndex: 'status',
            render: (s) => <Tag>{label('member_statuses', s)}</Tag>,
            width: 200,
          },
          { title: 'Tổ chức', dataIndex: 'org_name', render: (n: string, r) => n || r.org, width: 200 },
          { title: 'Số thẻ', dataIndex: 'card_number', width: 150 },
          { title: 'Mã', dataIndex: 'code', width: 120 },
        ]}
      />
      {adding && <AddMemberDialog onClose={() => setAdding(false)} defaultOrg={org || account.org} />}
    </Card>
  );
}

function AddMemberDialog({ onClose, defaultOrg }: { onClose: () => void; defaultOrg: string }) {
  const [form] = Form.useForm();
  const fields = ['code', 'family', 'middle', 'given', 'birth_date', 'kind', 'org', 'date'];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await client.POST('/api/v1/members', {
        body: {
          code: v.code,
          family: v.family,
          middle: v.middle ?? '',
          given: v.given,
          birth_date: iso(v.birth_date),
          gender: v.gender,
          first: { kind: v.kind, date: iso(v.date), org: v.org },
        },
      });
      onClose();
      go('member', v.code);
    } catch (e) {
      fieldErrors(form, e, fields);
    }
  };
  return (
    <Modal open title="Thêm người vào sổ" okText="Ghi" cancelText="Hủy" onOk={submit} onCancel={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'candidate_registration', gender: 'unknown', org: defaultOrg, date: dayjs() }}
      >
        <Form.Item label="Mã hồ sơ" name="code" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item label="Họ" name="family" rules={[{ required: true, message: 'Bắt buộc' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="Tên đệm" name="middle">
            <Input />
          </Form.Item>
          <Form.Item label="Tên" name="given" rules={[{ required: true, message: 'Bắt buộc' }]}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item label="Ngày sinh" name="birth_date" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <DatePicker format={dateFormats} />
        </Form.Item>
        <Form.Item label="Giới tính" name="gender">
          <Select options={options('genders')} />
        </Form.Item>
        <Form.Item label="Sự kiện đầu tiên" name="kind">
          <Select options={options('member_event_kinds', ['candidate_registration', 'admission'])} />
        </Form.Item>
        <Form.Item label="Chi bộ" name="org" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Ngày" name="date" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <DatePicker format={dateFormats} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
