import { useState } from 'react';
import { Alert, Button, Card, Form, Input, message } from 'antd';
import { ApiError, type Session } from '../api';
import { client, data } from '../client';
import { fieldErrors } from './forms';

export function LoginPage({ onLogin }: { onLogin: (s: Session) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError('');
    try {
      onLogin(data(await client.POST('/api/v1/session', { body: v })));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Không kết nối được máy chủ.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Đăng nhập dangvu" style={{ maxWidth: 420, margin: '80px auto' }}>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          rules={[{ required: true, message: 'Hãy nhập tên đăng nhập' }]}
        >
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          Đăng nhập
        </Button>
      </Form>
    </Card>
  );
}

export function PasswordPage({ forced, onDone }: { forced?: boolean; onDone: () => void }) {
  const [form] = Form.useForm();
  const submit = async (v: { current_password: string; new_password: string }) => {
    try {
      await client.POST('/api/v1/session/password', { body: v });
      message.success('Đã đổi mật khẩu.');
      onDone();
    } catch (e) {
      fieldErrors(form, e, ['current_password', 'new_password']);
    }
  };
  return (
    <Card title="Đổi mật khẩu" style={{ maxWidth: 460, margin: forced ? '80px auto' : undefined }}>
      {forced && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          message="Đây là mật khẩu dùng một lần: hãy đặt mật khẩu mới trước khi làm việc."
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="Mật khẩu hiện tại" name="current_password" rules={[{ required: true, message: 'Bắt buộc' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới (ít nhất 10 ký tự, có chữ và số hoặc ký hiệu)"
          name="new_password"
          rules={[{ required: true, message: 'Bắt buộc' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['new_password']}
          rules={[
            { required: true, message: 'Bắt buộc' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('new_password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Hai mật khẩu không khớp')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          Đổi mật khẩu
        </Button>
      </Form>
    </Card>
  );
}
