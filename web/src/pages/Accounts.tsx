// The administrator's accounts: who can sign in, with which role and over which organization;
// create one (a one-time password shown once), reset a forgotten password, disable and enable.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { Select } from '../controls';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';
import { client, type Schemas } from '../client';
import { label, options } from '../labels';
import { searchable } from '../search';
import { vnDateTime } from '../time';
import { fieldErrors } from './forms';

type Account = Schemas['Account'];
type TreeNode = Schemas['TreeNode'];

function flatten(n: TreeNode | undefined, out: { value: string; label: string }[] = []) {
  if (!n) return out;
  out.push({ value: n.code ?? '', label: `${n.name} [${n.code}]` });
  for (const c of n.children ?? []) flatten(c, out);
  return out;
}

function OneTimePassword({ shown, onClose }: { shown: Schemas['OneTimePassword'] | null; onClose: () => void }) {
  return (
    <Modal
      open={!!shown}
      title="Mật khẩu dùng một lần"
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText="Đã ghi lại"
    >
      <Typography.Paragraph>
        Tài khoản <b>{shown?.username}</b>. Mật khẩu chỉ hiện lần này; hãy trao tận tay người dùng. Lần đăng nhập đầu,
        người dùng phải đặt mật khẩu mới.
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: shown?.one_time_password ?? '' }}
        style={{ fontSize: '1.4em' }}
        data-testid="one-time-password"
      >
        <code>{shown?.one_time_password}</code>
      </Typography.Paragraph>
    </Modal>
  );
}

function CreateAccount({ onCreated }: { onCreated: (p: Schemas['OneTimePassword']) => void }) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const role = Form.useWatch('role', form);
  const tree = useQuery({
    queryKey: ['tree', 'all'],
    queryFn: async () => (await client.GET('/api/v1/tree')).data,
  });
  const create = useMutation({
    mutationFn: async (body: Schemas['NewUserInput']) => (await client.POST('/api/v1/users', { body })).data!,
    onSuccess: (p) => {
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: ['users'] });
      onCreated(p);
    },
    onError: (e) => fieldErrors(form, e, ['username', 'display_name', 'role', 'org']),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      onFinish={(v) =>
        create.mutate({
          username: v.username.trim(),
          display_name: v.display_name?.trim() || undefined,
          role: v.role,
          org: v.role === 'admin' ? undefined : v.org,
        })
      }
    >
      <Form.Item
        label="Tên đăng nhập"
        name="username"
        rules={[{ required: true, message: 'Bắt buộc' }]}
        extra="Chữ thường không dấu, số, dấu chấm hoặc gạch nối, ví dụ lan.nguyen"
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="Họ và tên" name="display_name">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Bắt buộc' }]}>
        <Select options={options('roles')} />
      </Form.Item>
      {role && role !== 'admin' && (
        <Form.Item label="Tổ chức phụ trách" name="org" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <Select {...searchable} loading={tree.isLoading} options={flatten(tree.data?.root)} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        Tạo tài khoản
      </Button>
    </Form>
  );
}

export function AccountsPage() {
  const queryClient = useQueryClient();
  const [shown, setShown] = useState<Schemas['OneTimePassword'] | null>(null);
  const users = useQuery({
    queryKey: ['users'],
    queryFn: async () => (await client.GET('/api/v1/users')).data?.users ?? [],
  });
  const act = useMutation({
    mutationFn: async ({ username, action }: { username: string; action: 'disable' | 'enable' | 'password' }) => {
      const params = { path: { username } };
      if (action === 'password') return (await client.POST('/api/v1/users/{username}/password', { params })).data;
      if (action === 'disable') await client.POST('/api/v1/users/{username}/disable', { params });
      else await client.POST('/api/v1/users/{username}/enable', { params });
      return undefined;
    },
    onSuccess: (p, { username, action }) => {
      queryClient.invalidateQueries({ queryKey: ['users'] });
      if (p) setShown(p);
      else
        message.success(action === 'disable' ? `Đã khóa tài khoản ${username}.` : `Đã mở lại tài khoản ${username}.`);
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : 'Không kết nối được máy chủ.'),
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="Các tài khoản">
        {users.error && <Alert type="error" message={(users.error as Error).message} />}
        <Table<Account>
          rowKey="username"
          size="small"
          loading={users.isLoading}
          dataSource={users.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'Tên đăng nhập', dataIndex: 'username' },
            { title: 'Họ và tên', dataIndex: 'display_name' },
            { title: 'Vai trò', dataIndex: 'role', render: (r: string) => label('roles', r) },
            { title: 'Tổ chức', render: (_, a) => (a.org ? `${a.org_name} [${a.org}]` : 'Toàn hệ thống') },
            {
              title: 'Trạng thái',
              render: (_, a) =>
                a.disabled ? (
                  <Tag color="red">Đã khóa</Tag>
                ) : a.must_change_password ? (
                  <Tag color="orange">Chờ đổi mật khẩu</Tag>
                ) : (
                  <Tag color="green">Đang dùng</Tag>
                ),
            },
            { title: 'Ngày tạo', dataIndex: 'created_at', render: (t: string) => vnDateTime(t) },
            {
              title: 'Thao tác',
              render: (_, a) => (
                <Space wrap>
                  <Popconfirm
                    title={`Cấp mật khẩu dùng một lần mới cho ${a.username}?`}
                    description="Các phiên đăng nhập của tài khoản này sẽ kết thúc."
                    okText="Cấp mật khẩu"
                    cancelText="Thôi"
                    onConfirm={() => act.mutate({ username: a.username ?? '', action: 'password' })}
                  >
                    <Button size="small">Cấp lại mật khẩu</Button>
                  </Popconfirm>
                  {a.disabled ? (
                    <Button size="small" onClick={() => act.mutate({ username: a.username ?? '', action: 'enable' })}>
                      Mở lại
                    </Button>
                  ) : (
                    <Popconfirm
                      title={`Khóa tài khoản ${a.username}?`}
                      description="Người dùng sẽ không đăng nhập được cho đến khi mở lại."
                      okText="Khóa"
                      cancelText="Thôi"
                      onConfirm={() => act.mutate({ username: a.username ?? '', action: 'disable' })}
                    >
                      <Button size="small" danger>
                        Khóa
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title="Tạo tài khoản">
        <CreateAccount onCreated={setShown} />
      </Card>
      <OneTimePassword shown={shown} onClose={() => setShown(null)} />
    </Space>
  );
}
