// The member statistics of an organization (biểu thống kê đảng viên): the Organization
// Commission's tables for a period beside the same period a year before, the checks the figures
// must pass, the document the office signs as a preview, and its Word and Excel files. Every
// number is the server's, shown as the server writes it; nothing is computed or formatted here.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Space, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { query, type Viewer } from '../api';
import { $api, errorText, type Schemas } from '../client';
import { vnDate, vnNumber } from '../labels';
import { hashParams, replaceHashParams } from '../route';
import { useNarrow } from '../shell/AppHeader';
import { DocumentHtml, previewOf } from './DocumentPreview';
import { defaultPeriod, parsePeriod, PeriodPicker, periodCode, type PeriodValue } from './period';
import { OrgPicker } from './OrgPicker';
import { useTree } from './Tree';

type Statistics = Schemas['MemberStatistics'];
type StatTable = Statistics['tables'][number];
type StatLine = StatTable['lines'][number];
type StatCheck = Statistics['checks'][number];

export function StatisticsPage({ account, code }: { account: Viewer; code?: string }) {
  const { root } = useTree(null);
  const org = code || account.org || root?.code || '';
  // The period from the address (a bookmark, the back button), else the report page's default.
  const [period, setPeriod] = useState<PeriodValue>(() => parsePeriod(hashParams().get('period')) ?? defaultPeriod());
  const p = periodCode(period);
  // Kept in the address, also after another organization is picked (a new route).
  useEffect(() => replaceHashParams({ period: p }), [org, p]);
  const [printShown, setPrintShown] = useState(false);
  const stats = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/statistics',
    { params: { path: { code: org }, query: { period: p } } },
    { enabled: !!org },
  );
  const data = stats.error ? undefined : stats.data;
  const error = errorText(stats.error);
  const file = (format: string) =>
    `/api/v1/orgs/${encodeURIComponent(org)}/statistics/document${query({ period: p, format })}`;
  const preview = useQuery({
    queryKey: ['statistics-preview', org, p],
    queryFn: ({ signal }) => previewOf(file('html'), signal),
    enabled: !!org && printShown,
  });
  const [html, previewError] = preview.data ?? ['', ''];
  // The print opens just below the controls; on a phone it may start below the screen's edge.
  const printRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (printShown && html) printRef.current?.scrollIntoView({ block: 'start' });
  }, [printShown, html]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title="Biểu thống kê đảng viên"
        extra={
          <Space wrap>
            <OrgPicker root={root} org={org} page="statistics" testid="statistics-org" minWidth={320} />
            <PeriodPicker value={period} onChange={setPeriod} />
          </Space>
        }
      >
        <Spin spinning={stats.isFetching} tip="Đang tính số liệu…">
          {error && <Alert type="error" showIcon message="Chưa có biểu thống kê" description={error} />}
          {!data && !error && <div style={{ minHeight: 120 }} />}
          {data && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text data-testid="statistics-period">
                {data.org_name}, {data.period_label}: kỳ này từ {vnDate(data.from)} đến {vnDate(data.to)} (số liệu đến
                ngày {vnDate(data.as_of)}); cùng kỳ năm trước từ {vnDate(data.last_year_from)} đến{' '}
                {vnDate(data.last_year_to)}.
              </Typography.Text>
              <Space wrap>
                <Button type="primary" href={file('xlsx')} data-testid="statistics-xlsx">
                  Tải Excel (.xlsx)
                </Button>
                <Button href={file('docx')} data-testid="statistics-docx">
                  Tải Word (.docx)
                </Button>
                <Button
                  aria-expanded={printShown}
                  aria-controls="statistics-print"
                  onClick={() => setPrintShown(!printShown)}
                  data-testid="statistics-print-toggle"
                >
                  {printShown ? 'Ẩn bản in' : 'Xem bản in'}
                </Button>
              </Space>
              <Checks checks={data.checks} />
            </Space>
          )}
        </Spin>
      </Card>
      {printShown && (
        <div id="statistics-print" ref={printRef}>
          <Card title="Bản in biểu thống kê" data-testid="statistics-preview">
            <Spin spinning={preview.isFetching} tip="Đang tạo bản in…">
              {previewError && (
                <Alert type="warning" showIcon message="Chưa xem được bản in" description={previewError} />
              )}
              {html ? <DocumentHtml html={html} label="Nội dung biểu thống kê" /> : <div style={{ minHeight: 120 }} />}
            </Spin>
          </Card>
        </div>
      )}
      {data?.tables.map((t) => (
        <StatisticsTable key={t.id} table={t} />
      ))}
    </Space>
  );
}

// The identities the forms rest on (D = A + B − C, each analysis adds up to its total…). One that
// fails is always shown, with the server's message: the office looks into it; nothing is corrected.
function Checks({ checks }: { checks: StatCheck[] }) {
  const failing = checks.filter((c) => !c.holds);
  if (failing.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="statistics-checks-ok"
        message={`Số liệu khớp: cả ${vnNumber(checks.length)} phép đối chiếu đều đúng.`}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="statistics-checks"
      message={`Số liệu chưa khớp: ${vnNumber(failing.length)} trong ${vnNumber(checks.length)} phép đối chiếu cần xem lại`}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            Hệ thống chỉ nêu ra để đơn vị rà soát, không tự sửa số liệu.
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {failing.map((c) => (
              // The server's message names the period when it is the year before.
              <li key={`${c.period}-${c.id}`}>{c.message}</li>
            ))}
          </ul>
        </>
      }
    />
  );
}

// The first letter in lower case, for a label read after "Trong đó:".
function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

interface Row extends StatLine {
  // The first of a run of "of which" lines (level 2), which reads "Trong đó: …".
  ofWhich: boolean;
}

// One form: its lines indented by level (a heading in bold, a line under it, "of which" lines
// further in), with this period, the same period a year before and the ratio as the server shows
// them.
function StatisticsTable({ table }: { table: StatTable }) {
  const narrow = useNarrow();
  const rows: Row[] = useMemo(
    () =>
      table.lines.map((l, i) => ({
        ...l,
        ofWhich: l.level === 2 && (i === 0 || table.lines[i - 1].level !== 2) && !/^trong đó/i.test(l.label),
      })),
    [table],
  );
  const bold = (l: Row) => (l.level === 0 ? { fontWeight: 600 } : undefined);
  const value = (text: string, l: Row, testid?: string) => (
    <span style={{ ...bold(l), whiteSpace: 'nowrap' }} data-testid={testid}>
      {text}
    </span>
  );
  return (
    <Card title={table.title} data-testid={`statistics-table-${table.id}`}>
      <Table<Row>
        scroll={{ x: 'max-content' }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: 'Chỉ tiêu',
            width: narrow ? 130 : 420,
            render: (_, l) => (
              <span
                style={{
                  ...bold(l),
                  display: 'block',
                  paddingInlineStart: `${l.level * 1.25}em`,
                  fontStyle: l.level === 2 ? 'italic' : undefined,
                }}
              >
                {l.ofWhich ? `Trong đó: ${lowerFirst(l.label)}` : l.label}
              </span>
            ),
          },
          {
            title: 'Kỳ này',
            align: 'right',
            width: narrow ? 68 : 120,
            render: (_, l) => value(l.shown, l, `statistics-${table.id}-${l.id}`),
          },
          {
            title: 'Cùng kỳ năm trước',
            align: 'right',
            width: narrow ? 76 : 160,
            render: (_, l) => value(l.last_year_shown, l),
          },
          {
            title: '%',
            align: 'right',
            width: narrow ? 68 : 100,
            render: (_, l) => value(l.percent_shown, l),
          },
        ]}
      />
    </Card>
  );
}
