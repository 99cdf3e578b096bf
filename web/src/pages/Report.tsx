// The periodic report of an organization: every indicator and the checks on the figures, the
// report's preview as the server writes it, and the Word and Excel files. Every figure comes from
// the server; nothing is computed here.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, List, Space, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { query, type Viewer, type Check } from '../api';
import { vnDate, vnNumber } from '../labels';
import { iso, dateFormats } from './forms';
import { defaultPeriod, PeriodPicker, periodCode, type PeriodValue } from './period';
import { OrgPicker } from './OrgPicker';
import { useTree } from './Tree';
import { $api, errorText } from '../client';
import { useQuery } from '@tanstack/react-query';
import { useNarrow } from '../shell/AppHeader';
import { DocumentHtml, previewOf } from './DocumentPreview';

export function ReportPage({ account, code }: { account: Viewer; code?: string }) {
  const narrow = useNarrow();
  const { root } = useTree(null);
  const org = code || account.org || root?.code || '';
  const [period, setPeriod] = useState<PeriodValue>(defaultPeriod);
  const p = periodCode(period);
  // The day the committee signs it (empty: the period's last day, as the server dates it).
  const [signed, setSigned] = useState<Dayjs | null>(null);
  const date = signed ? iso(signed) : undefined;
  const base = `/api/v1/orgs/${encodeURIComponent(org)}`;
  const indicators = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/indicators',
    { params: { path: { code: org }, query: { period: p } } },
    { enabled: !!org },
  );
  const data = indicators.error ? undefined : indicators.data;
  const error = errorText(indicators.error);
  const preview = useQuery({
    queryKey: ['report-preview', org, p, date ?? ''],
    queryFn: ({ signal }) => previewOf(`${base}/report${query({ period: p, format: 'html', date })}`, signal),
    enabled: !!org,
  });
  const [html, previewError] = preview.data ?? ['', ''];
  const loading = indicators.isFetching || preview.isFetching;
  const file = (format: string, part?: string) =>
    `/api/v1/orgs/${encodeURIComponent(org)}/report${query({ period: p, format, date, part })}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title="Báo cáo sơ kết, tổng kết"
        extra={
          <Space wrap>
            <OrgPicker root={root} org={org} page="report" testid="report-org" minWidth={320} />
            <PeriodPicker value={period} onChange={setPeriod} />
          </Space>
        }
      >
        <Spin spinning={loading} tip="Đang tính số liệu…">
          {error && <Alert type="error" message={error} />}
          {!data && !error && <div style={{ minHeight: 120 }} />}
          {data && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {data.org_name}, {data.period_label} (từ {vnDate(data.from)} đến {vnDate(data.to)}; số liệu tính đến
                ngày {vnDate(data.as_of)}).
              </Typography.Text>
              <Space wrap>
                <DatePicker
                  aria-label="Ngày ký báo cáo"
                  placeholder="Ngày ký"
                  format={dateFormats}
                  value={signed}
                  onChange={setSigned}
                  data-testid="report-date"
                />
                <Button type="primary" href={file('docx')} data-testid="download-docx">
                  Tải Word (.docx)
                </Button>
                <Button href={file('xlsx')} data-testid="download-xlsx">
                  Tải Excel (.xlsx)
                </Button>
                <Button href={file('docx', 'checks')} data-testid="download-checks">
                  Phiếu đối chiếu số liệu (nội bộ)
                </Button>
                <Button
                  href={`#/statistics/${encodeURIComponent(org)}${query({ period: p })}`}
                  data-testid="report-statistics"
                >
                  Thống kê đảng viên
                </Button>
                {period.kind !== 'term' && (
                  <Button
                    href={`#/dues-report/${encodeURIComponent(org)}${query({ period: p })}`}
                    data-testid="report-dues"
                  >
                    Báo cáo đảng phí
                  </Button>
                )}
              </Space>
              <Table
                scroll={{ x: 'max-content' }}
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={data.indicators}
                data-testid="indicators"
                columns={[
                  { title: 'Chỉ tiêu', dataIndex: 'label', width: narrow ? 150 : undefined },
                  {
                    title: 'Trong kỳ',
                    align: 'right',
                    render: (_, r) => (
                      <span data-testid={`ind-${r.id}`}>
                        {r.shown}
                        {r.kind !== 'ratio' ? ` ${r.unit}` : ''}
                      </span>
                    ),
                  },
                  {
                    title: 'Lũy kế năm so với kế hoạch',
                    render: (_, r) => <span data-testid={`plan-${r.id}`}>{r.plan_shown}</span>,
                  },
                ]}
              />
              <Checks checks={data.checks} />
            </Space>
          )}
        </Spin>
      </Card>
      {previewError && (
        <Alert type="warning" showIcon message="Chưa xem trước được báo cáo" description={previewError} />
      )}
      {html && (
        <Card title="Xem trước báo cáo" data-testid="report-preview">
          <DocumentHtml html={html} label="Nội dung báo cáo" />
        </Card>
      )}
    </Space>
  );
}

// The checks on the figures: shown for the office to look into, never corrected here.
function Checks({ checks }: { checks: Check[] }) {
  if (checks.length === 0) {
    return <Alert type="success" showIcon message="Kiểm tra số liệu: không phát hiện điểm bất thường." />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="checks"
      message={`Kiểm tra số liệu: ${vnNumber(checks.length)} điểm cần xem lại`}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            Hệ thống chỉ nêu ra để đơn vị rà soát, không tự sửa số liệu.
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={checks}
            pagination={checks.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta title={`${c.title} – ${c.org_name}`} description={c.message} />
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
