// The user's own settings: the size of the text (kept in this browser) and the password.
import { Card, Radio, Space, Typography } from 'antd';
import { setTextSize, textSizes, useTextSize } from '../shell/textSize';
import { PasswordPage } from './Login';

export function SettingsPage({ onDone }: { onDone: () => void }) {
  const size = useTextSize();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="Cỡ chữ" style={{ maxWidth: 460 }}>
        <Typography.Paragraph>Chữ lớn hơn dễ đọc hơn; lựa chọn được giữ trên máy này.</Typography.Paragraph>
        <Radio.Group
          aria-label="Cỡ chữ"
          optionType="button"
          value={size}
          onChange={(e) => setTextSize(e.target.value)}
          options={textSizes.map((s) => ({ value: s.value, label: s.label }))}
        />
      </Card>
      <PasswordPage onDone={onDone} />
    </Space>
  );
}
