import React from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, Typography } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import './app.css';
import { queryClient } from './client';
import { useTextSize } from './shell/textSize';

dayjs.locale('vi');

// Colours chosen for contrast on white and on the warning yellow (WCAG AA, 4.5:1 and more):
// antd's default secondary grey (#8c8c8c) and link blue (#1677ff) fall short of it.
function Themed() {
  const fontSize = useTextSize();
  return (
    <ConfigProvider
      locale={viVN}
      renderEmpty={() => <Typography.Text type="secondary">Không có dữ liệu</Typography.Text>}
      theme={{
        token: {
          colorPrimary: '#b71c1c',
          colorLink: '#0b4fb3',
          colorInfo: '#0b4fb3',
          colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
          colorTextDescription: 'rgba(0, 0, 0, 0.64)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
          colorSuccess: '#2e7d32',
          colorWarning: '#a15c00',
          colorError: '#b71c1c',
          fontSize,
        },
        // A field being typed in is outlined in blue: the brand's red would read as an error.
        components: {
          Input: {
            activeBorderColor: '#0b4fb3',
            hoverBorderColor: '#0b4fb3',
            activeShadow: '0 0 0 2px rgba(11,79,179,0.15)',
          },
          InputNumber: {
            activeBorderColor: '#0b4fb3',
            hoverBorderColor: '#0b4fb3',
            activeShadow: '0 0 0 2px rgba(11,79,179,0.15)',
          },
          DatePicker: {
            activeBorderColor: '#0b4fb3',
            hoverBorderColor: '#0b4fb3',
            activeShadow: '0 0 0 2px rgba(11,79,179,0.15)',
          },
          Select: {
            activeBorderColor: '#0b4fb3',
            hoverBorderColor: '#0b4fb3',
            activeOutlineColor: 'rgba(11,79,179,0.15)',
          },
        },
      }}
    >
      <App />
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <QueryClientProvider client={queryClient}>
      <Themed />
    </QueryClientProvider>
  </React.StrictMode>,
);
