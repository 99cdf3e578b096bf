// The dues report of an org (báo cáo thu, nộp đảng phí) for a month, quarter, six months or year:
// what was owed and collected, the rate, what is still owed, the share kept, the share to send up
// and what was recorded as sent up, who had to pay and who did; a table by org directly under the
// committee (each leading to its own report and its own book) and a table by month; the document
// the office sends, as a preview and as Word and Excel files. Every figure is the server's
// (GET /orgs/{code}/dues/report), only written here as the offices write numbers (2.465; 97,4%).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { query, type DuesFigures, type DuesReport, type Viewer } from '../api';
import { $api, errorText } from '../client';
import { vnDate, vnNumber, vnPercent } from '../labels';
import { hashParams, replaceHashParams } from '../route';
import { useNarrow } from '../shell/AppHeader';
import { DocumentHtml, previewOf } from './DocumentPreview';
import { money, thisYear } from './duesCells';
import { parsePeriod, PeriodPicker, periodCode, type PeriodKind, type PeriodValue } from './period';
import { OrgPicker } from './OrgPicker';
import { useTree } from './Tree';

// The periods a dues report is made for (the books are kept by month).
const kinds: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year'];

// The period from the address (a bookmark, a link from the book), else this year.
function initialPeriod(): PeriodValue {
  const p = parsePeriod(hashParams().get('period'));
  return p && kinds.includes(p.kind) ? p : { kind: 'year', year: thisYear(), part: 1 };
}

export function DuesReportPage({ account, code }: { account: Viewer; code?: string }) {
  const { root } = useTree(null);
  const org = code || account.org || root?.code || '';
  const [period, setPeriod] = useState<PeriodValue>(initialPeriod);
  const p = periodCode(period);
  // Kept in the address, also after another organization is picked (a new route).
  useEffect(() => replaceHashParams({ period: p }), [org, p]);
  const answer = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/dues/report',
    { params: { path: { code: org }, query: { period: p } } },
    { enabled: !!org },
  );
  const report = answer.error ? undefined : answer.data;
  const error = errorText(answer.error);
  const file = (format: string) =>
    `/api/v1/orgs/${encodeURIComponent(org)}/dues/report/document${query({ period: p, format })}`;
  const [printShown, setPrintShown] = useState(false);
  const preview = useQuery({
    queryKey: ['dues-report-preview', org, p],
    queryFn: ({ signal }) => previewOf(file('html'), signal),
    enabled: !!org && printShown,
  });
  const [html, previewError] = preview.data ?? ['', ''];
  // The print opens just below the figures; on a phone it may start below the screen's edge.
  const printRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (printShown && html) printRef.current?.scrollIntoView({ block: 'start' });
  }, [printShown, html]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={report ? `Báo cáo thu, nộp đảng phí — ${report.org_name}` : 'Báo cáo thu, nộp đảng phí'}
        data-testid="dues-report"
        extra={
          <Space wrap>
            <OrgPicker root={root} org={org} page="dues-report" testid="dues-report-org" />
            <PeriodPicker value={period} onChange={setPeriod} kinds={kinds} />
          </Space>
        }
      >
        <Spin spinning={answer.isFetching} tip="Đang tính số liệu…">
          {error && <Alert type="error" showIcon message="Chưa có báo cáo đảng phí" description={error} />}
          {!report && !error && <div style={{ minHeight: 120 }} />}
          {report && (
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <Typography.Text data-testid="dues-report-period">
                {report.org_name}, {report.period_label}: từ {vnDate(report.from)} đến {vnDate(report.to)} (số liệu đến
                ngày {vnDate(report.as_of)}).
              </Typography.Text>
              <Space wrap>
                <Button type="primary" href={file('docx')} data-testid="dues-report-docx">
                  Tải Word (.docx)
                </Button>
                <Button href={file('xlsx')} data-testid="dues-report-xlsx">
                  Tải Excel (.xlsx)
                </Button>
                <Button
                  aria-expanded={printShown}
                  aria-controls="dues-report-print"
                  onClick={() => setPrintShown(!printShown)}
                  data-testid="dues-report-print-toggle"
                >
                  {printShown ? 'Ẩn bản in' : 'Xem bản in'}
                </Button>
                <Button href={bookHref(report.org, period.year)} data-testid="dues-report-book">
                  Sổ thu đảng phí
                </Button>
              </Space>
              <KeyFigures report={report} />
            </Space>
          )}
        </Spin>
      </Card>
      {printShown && (
        <div id="dues-report-print" ref={printRef}>
          <Card title="Bản in báo cáo đảng phí" data-testid="dues-report-preview">
            <Spin spinning={preview.isFetching} tip="Đang tạo bản in…">
              {previewError && (
                <Alert type="warning" showIcon message="Chưa xem được bản in" description={previewError} />
              )}
              {html ? (
                <DocumentHtml html={html} label="Nội dung báo cáo đảng phí" />
              ) : (
                <div style={{ minHeight: 120 }} />
              )}
            </Spin>
          </Card>
        </div>
      )}
      {report && <ByOrg report={report} period={p} year={period.year} />}
      {report && <ByMonth report={report} />}
    </Space>
  );
}

function bookHref(code: string, year: number): string {
  return `#/dues/${encodeURIComponent(code)}${query({ year })}`;
}

function reportHref(code: string, period: string): string {
  return `#/dues-report/${encodeURIComponent(code)}${query({ period })}`;
}

// One figure: its title and the value as written (not antd's own number formatting).
function Figure({ title, text, testid, tone }: { title: string; text: string; testid: string; tone?: string }) {
  return (
    <Statistic
      title={title}
      value={text}
      formatter={() => text}
      valueStyle={{ fontSize: '1.3em', color: tone }}
      data-testid={testid}
    />
  );
}

// The subtree's totals: the money first, then the members.
function KeyFigures({ report }: { report: DuesReport }) {
  const t = report.total;
  if (t.members === 0) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="dues-report-empty"
        message={`Trong kỳ này, sổ thu đảng phí của ${report.org_name} không có đảng viên nào.`}
        description="Báo cáo tính những tháng của kỳ đã đến (đến hôm nay), theo sổ của các chi bộ trong tổ chức."
      />
    );
  }
  const sums: [string, string, string, string?][] = [
    ['Phải thu', money(t.owed), 'dues-report-owed'],
    ['Đã thu', money(t.collected), 'dues-report-collected'],
    ['Tỷ lệ thu', vnPercent(t.percent), 'dues-report-percent'],
    ['Còn nợ', money(t.outstanding), 'dues-report-outstanding', t.outstanding > 0 ? '#a8071a' : undefined],
    ['Trích giữ lại', money(t.kept), 'dues-report-kept'],
    ['Phải nộp cấp trên', money(t.remitted), 'dues-report-remitted'],
    ['Đã nộp cấp trên', money(t.sent_up), 'dues-report-sent-up'],
  ];
  const members: [string, string, string, string?][] = [
    ['Đảng viên trong sổ', vnNumber(t.members), 'dues-report-members'],
    ['Phải đóng', vnNumber(t.members_owing), 'dues-report-members-owing'],
    ['Đã đóng đủ', vnNumber(t.members_paid), 'dues-report-members-paid'],
    ['Còn nợ', vnNumber(t.members_unpaid), 'dues-report-members-unpaid', t.members_unpaid > 0 ? '#a8071a' : undefined],
    ['Được miễn', vnNumber(t.members_exempt), 'dues-report-members-exempt'],
    ['Được giảm', vnNumber(t.members_reduced), 'dues-report-members-reduced'],
  ];
  if (t.members_no_basis > 0)
    members.push(['Chưa ghi mức đóng', vnNumber(t.members_no_basis), 'dues-report-members-no-basis', '#873800']);
  const grid = (figures: [string, string, string, string?][]) => (
    <Row gutter={[16, 12]}>
      {figures.map(([title, text, testid, tone]) => (
        <Col key={testid} xs={12} sm={8} lg={4}>
          <Figure title={title} text={text} testid={testid} tone={tone} />
        </Col>
      ))}
    </Row>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>Số tiền</Typography.Text>
      {grid(sums)}
      <Typography.Text strong>Đảng viên</Typography.Text>
      {grid(members)}
      {t.members_unpaid > 0 && (
        <Typography.Text type="secondary" data-testid="dues-report-unpaid-note">
          {`${vnNumber(t.members_unpaid)} đảng viên còn nợ đảng phí: ${vnNumber(t.months_unpaid)} tháng, ${money(t.outstanding)} (những tháng trước tháng này chưa đóng).`}
        </Typography.Text>
      )}
      {t.members_no_basis > 0 && (
        <Typography.Text type="secondary" data-testid="dues-report-no-basis">
          {vnNumber(t.members_no_basis)} đảng viên có tháng chưa ghi mức đóng đảng phí: số phải thu chưa tính những
          tháng đó. Ghi mức đóng ở trang của từng đảng viên (phần «Đảng phí»).
        </Typography.Text>
      )}
    </Space>
  );
}

interface Line extends DuesFigures {
  key: string;
  total: boolean;
}

const right = { align: 'right' as const };
const nowrap = (text: ReactNode, testid?: string) => (
  <span style={{ whiteSpace: 'nowrap' }} data-testid={testid}>
    {text}
  </span>
);

// The columns of money both tables share: owed, collected, the rate, what is still owed.
function moneyColumns(testid: (l: Line) => string): ColumnsType<Line> {
  return [
    { title: 'Phải thu', ...right, render: (_, l) => nowrap(vnNumber(l.owed)) },
    {
      title: 'Đã thu',
      ...right,
      render: (_, l) => nowrap(vnNumber(l.collected), `${testid(l)}-collected`),
    },
    { title: 'Tỷ lệ thu', ...right, render: (_, l) => nowrap(vnPercent(l.percent)) },
    { title: 'Còn nợ', ...right, render: (_, l) => nowrap(vnNumber(l.outstanding)) },
  ];
}

// By org directly under the committee (the committee itself first, for its own members), then the
// total. A line leads to its org's report and, apart, to its org's book.
function ByOrg({ report, period, year }: { report: DuesReport; period: string; year: number }) {
  const narrow = useNarrow();
  const rows: Line[] = [
    ...report.lines.map((l) => ({ ...l, key: `line-${l.code}`, total: false })),
    { ...report.total, key: 'total', total: true },
  ];
  const noBasis = report.total.members_no_basis > 0;
  const testid = (l: Line) => (l.total ? 'dues-report-total' : `dues-report-line-${l.code}`);
  return (
    <Card title="Theo tổ chức đảng" data-testid="dues-report-by-org">
      <Table<Line>
        scroll={{ x: narrow ? 'max-content' : 1100 }}
        tableLayout="auto"
        size="small"
        bordered
        className="dv-dues-report-table"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        rowClassName={(l) => (l.total ? 'dv-dues-total' : '')}
        columns={[
          {
            title: 'Tổ chức đảng',
            fixed: 'left',
            width: narrow ? 150 : 180,
            render: (_, l) =>
              l.total ? (
                <span data-testid={testid(l)}>Tổng cộng</span>
              ) : (
                <Space direction="vertical" size={0} data-testid={testid(l)}>
                  {l.code === report.org ? <span>{l.name}</span> : <a href={reportHref(l.code, period)}>{l.name}</a>}
                  <a
                    href={bookHref(l.code, year)}
                    style={{ fontSize: '0.9em' }}
                    aria-label={`Sổ thu đảng phí ${l.name}`}
                  >
                    Sổ thu đảng phí
                  </a>
                </Space>
              ),
          },
          {
            title: 'Đảng viên',
            children: [
              { title: 'Trong sổ', ...right, render: (_, l) => vnNumber(l.members) },
              { title: 'Phải đóng', ...right, render: (_, l) => vnNumber(l.members_owing) },
              { title: 'Đã đóng đủ', ...right, render: (_, l) => vnNumber(l.members_paid) },
              { title: 'Còn nợ', ...right, render: (_, l) => vnNumber(l.members_unpaid) },
              { title: 'Được miễn', ...right, render: (_, l) => vnNumber(l.members_exempt) },
              { title: 'Được giảm', ...right, render: (_, l) => vnNumber(l.members_reduced) },
              ...(noBasis
                ? [
                    {
                      title: 'Chưa ghi mức đóng',
                      ...right,
                      render: (_: unknown, l: Line) => vnNumber(l.members_no_basis),
                    },
                  ]
                : []),
            ],
          },
          {
            title: 'Số tiền (đồng)',
            children: [
              ...moneyColumns(testid),
              { title: 'Trích giữ lại', ...right, render: (_, l) => nowrap(vnNumber(l.kept)) },
              { title: 'Phải nộp cấp trên', ...right, render: (_, l) => nowrap(vnNumber(l.remitted)) },
              {
                title: 'Đã nộp cấp trên',
                ...right,
                render: (_, l) => nowrap(vnNumber(l.sent_up), `${testid(l)}-sent-up`),
              },
            ],
          },
        ]}
      />
    </Card>
  );
}

// Each month of the period up to today, over the whole subtree.
function ByMonth({ report }: { report: DuesReport }) {
  const narrow = useNarrow();
  const rows: Line[] = report.months.map((m) => ({ ...m, key: m.code, total: false }));
  return (
    <Card title="Theo tháng" data-testid="dues-report-by-month">
      <Table<Line>
        scroll={{ x: 'max-content' }}
        size="small"
        bordered
        className="dv-dues-report-table"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: 'Kỳ này chưa có tháng nào đến hạn đóng đảng phí.' }}
        columns={[
          {
            title: 'Tháng',
            fixed: 'left',
            width: narrow ? 80 : 120,
            render: (_, l) => <span data-testid={`dues-report-month-${l.code}`}>{l.name}</span>,
          },
          {
            title: 'Đảng viên',
            children: [
              { title: 'Trong sổ', ...right, render: (_, l) => vnNumber(l.members) },
              { title: 'Phải đóng', ...right, render: (_, l) => vnNumber(l.members_owing) },
              { title: 'Còn nợ', ...right, render: (_, l) => vnNumber(l.members_unpaid) },
            ],
          },
          {
            title: 'Số tiền (đồng)',
            children: moneyColumns((l) => `dues-report-month-${l.code}`),
          },
        ]}
      />
    </Card>
  );
}
