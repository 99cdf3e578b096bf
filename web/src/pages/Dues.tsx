// An org's dues book (sổ thu đảng phí) for a year: each member whose dues were in the org's book,
// the twelve months (paid, owed and not paid, not in the book, no basis recorded), what was owed
// and paid up to this month, and the members the rule set flags for the branch to consider (the
// server's `flagged`; nothing is decided here). A wide table at a desk, a card per member on a
// phone. Whoever may record dues records a month of the branch at once (DuesMonth.tsx), or the
// portal's file of payments (DuesImport.tsx). Below the totals, what the org sent up the tree of
// the dues it collected (DuesRemittances.tsx).
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { can, query, type DuesBook, type DuesBookRow, type Viewer } from '../api';
import { $api, errorText } from '../client';
import { duesCategoryLabel, duesRules, vnNumber } from '../labels';
import { hashParams, replaceHashParams } from '../route';
import { useNarrow } from '../shell/AppHeader';
import { money, MonthCell, MonthLegend, monthNumber, parseYear, thisYear, vnMonth, yearOptions } from './duesCells';
import { RecordMonth } from './DuesMonth';
import { DuesImportDialog } from './DuesImport';
import { RemittancesCard } from './DuesRemittances';
import { OrgPicker } from './OrgPicker';
import { useTree } from './Tree';

// «Chưa nộp đảng phí 3 tháng trong năm: chi bộ xem xét».
export function flagText(r: DuesBookRow, year: number): string {
  return `Chưa nộp đảng phí ${r.unpaid_months} tháng trong năm ${year}: chi bộ xem xét`;
}

export function DuesPage({ account, code }: { account: Viewer; code?: string }) {
  const { root } = useTree(null);
  const org = code || account.org || root?.code || '';
  const [year, setYear] = useState<number>(() => parseYear(hashParams().get('year')) ?? thisYear());
  // Kept in the address, also after another organization is picked (a new route).
  useEffect(() => replaceHashParams({ year }), [org, year]);
  const answer = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/dues',
    { params: { path: { code: org }, query: { year } } },
    { enabled: !!org },
  );
  const book = answer.error ? undefined : answer.data;
  const error = errorText(answer.error);
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const mayRecord = can.recordDues(account);
  return (
    <>
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        <Card
          title={book ? `Sổ thu đảng phí năm ${book.year} — ${book.org_name}` : 'Sổ thu đảng phí'}
          data-testid="dues-book"
          extra={
            <Space wrap>
              <OrgPicker root={root} org={org} page="dues" />
              <Select
                aria-label="Năm"
                data-testid="dues-year"
                style={{ width: 120 }}
                value={year}
                options={yearOptions()}
                onChange={setYear}
              />
              <Button
                href={`#/dues-report/${encodeURIComponent(org)}${query({ period: year })}`}
                data-testid="dues-report-link"
              >
                Báo cáo đảng phí
              </Button>
              {mayRecord && book && book.rows.length > 0 && (
                <Button
                  type={recording ? 'default' : 'primary'}
                  aria-expanded={recording}
                  aria-controls="dues-record-month"
                  onClick={() => setRecording(!recording)}
                  data-testid="dues-record-toggle"
                >
                  {recording ? 'Đóng phần ghi thu' : 'Ghi thu tháng'}
                </Button>
              )}
              {mayRecord && (
                <Button aria-haspopup="dialog" onClick={() => setImporting(true)} data-testid="dues-import-open">
                  Nhập tệp nộp qua Cổng DVC
                </Button>
              )}
            </Space>
          }
        >
          <Spin spinning={answer.isFetching && !book} tip="Đang tải sổ…">
            {error && <Alert type="error" showIcon message="Chưa xem được sổ thu đảng phí" description={error} />}
            {!book && !error && <div style={{ minHeight: 120 }} />}
            {book && <BookSummary book={book} />}
          </Spin>
        </Card>
        {recording && book && (
          <div id="dues-record-month">
            <RecordMonth key={`${book.org}-${book.year}`} book={book} />
          </div>
        )}
        {book && <RemittancesCard key={`${book.org}-${book.year}`} account={account} org={book.org} year={book.year} />}
        {book && book.rows.length > 0 && <BookRows book={book} />}
      </Space>
      {importing && <DuesImportDialog onClose={() => setImporting(false)} />}
    </>
  );
}

// The totals, the flagged members named, and what the figures leave out.
function BookSummary({ book }: { book: DuesBook }) {
  const flagged = book.rows.filter((r) => r.flagged);
  const noBasis = book.rows.filter((r) => r.months.some((m) => m.in_book && !m.owed && !m.payment)).length;
  if (book.rows.length === 0) {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="dues-empty"
        message={`Năm ${book.year}, sổ của ${book.org_name} không có đảng viên nào.`}
        description="Đảng phí ghi ở sổ của chi bộ nơi đảng viên sinh hoạt: chọn chi bộ ở ô «Tổ chức»."
      />
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Statistic
            title="Số đảng viên trong sổ"
            value={book.rows.length}
            groupSeparator="."
            valueStyle={{ fontSize: '1.3em' }}
          />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic
            title={`Phải nộp đến tháng ${vnMonth(book.last_month)}`}
            value={money(book.owed)}
            valueStyle={{ fontSize: '1.3em' }}
            data-testid="dues-owed"
          />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic
            title="Đã nộp"
            value={money(book.paid)}
            valueStyle={{ fontSize: '1.3em' }}
            data-testid="dues-paid"
          />
        </Col>
      </Row>
      {flagged.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="dues-flagged"
          message={`${vnNumber(flagged.length)} đảng viên chưa nộp đảng phí từ ${duesRules().unpaid_months_flag} tháng trở lên trong năm: chi bộ xem xét`}
          description={`Theo quy định, đảng viên không đóng đảng phí ${duesRules().unpaid_months_flag} tháng trong năm mà không có lý do chính đáng thì chi bộ xem xét, đề nghị xóa tên. Hệ thống chỉ nêu ra để chi bộ xem xét, không tự xử lý.`}
        />
      )}
      {noBasis > 0 && (
        <Typography.Text type="secondary" data-testid="dues-no-basis">
          {vnNumber(noBasis)} đảng viên chưa ghi mức đóng đảng phí: số phải nộp chưa tính những tháng đó. Ghi mức đóng ở
          trang của từng đảng viên (phần «Đảng phí»).
        </Typography.Text>
      )}
    </Space>
  );
}

function BookRows({ book }: { book: DuesBook }) {
  const narrow = useNarrow();
  return (
    <Card title={`Các tháng năm ${book.year}`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: '0.9em' }}>
        <MonthLegend book />
      </Typography.Paragraph>
      {narrow ? <BookCards book={book} /> : <BookTable book={book} />}
    </Card>
  );
}

function NameCell({ row, year }: { row: DuesBookRow; year: number }) {
  return (
    <Space direction="vertical" size={0}>
      <a href={`#/member/${encodeURIComponent(row.member)}`}>{row.name}</a>
      <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
        {row.category ? duesCategoryLabel(row.category) : 'Chưa ghi mức đóng'}
      </Typography.Text>
      {row.flagged && (
        <Typography.Text type="danger" strong data-testid={`dues-flag-${row.member}`}>
          {flagText(row, year)}
        </Typography.Text>
      )}
    </Space>
  );
}

function BookTable({ book }: { book: DuesBook }) {
  return (
    <Table<DuesBookRow>
      className="dv-dues-table"
      scroll={{ x: 'max-content' }}
      size="small"
      rowKey="member"
      pagination={false}
      dataSource={book.rows}
      rowClassName={(r) => (r.flagged ? 'dv-dues-flagged' : '')}
      columns={[
        {
          title: 'Họ và tên, đối tượng',
          fixed: 'left',
          width: 190,
          render: (_, r) => <NameCell row={r} year={book.year} />,
        },
        ...book.months.map((month, i) => ({
          key: month,
          title: <abbr title={`Tháng ${vnMonth(month)}`}>{`T${monthNumber(month)}`}</abbr>,
          align: 'right' as const,
          className: 'dv-dues-month',
          render: (_: unknown, r: DuesBookRow) => (
            <MonthCell month={r.months[i]} book testid={`dues-${r.member}-${month}`} />
          ),
        })),
        {
          title: 'Phải nộp',
          align: 'right',
          render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{money(r.owed)}</span>,
        },
        {
          title: 'Đã nộp',
          align: 'right',
          render: (_, r) => (
            <span style={{ whiteSpace: 'nowrap' }} data-testid={`dues-paid-${r.member}`}>
              {money(r.paid)}
            </span>
          ),
        },
      ]}
    />
  );
}

// On a phone: a card per member, the months in a grid that wraps to the screen's width.
function BookCards({ book }: { book: DuesBook }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dues-cards">
      {book.rows.map((r) => (
        <div
          key={r.member}
          data-testid={`dues-card-${r.member}`}
          className={r.flagged ? 'dv-dues-card dv-dues-flagged' : 'dv-dues-card'}
        >
          <NameCell row={r} year={book.year} />
          <div style={{ margin: '6px 0' }}>
            Phải nộp: <b>{money(r.owed)}</b> · Đã nộp: <b data-testid={`dues-paid-${r.member}`}>{money(r.paid)}</b>
          </div>
          <div className="dv-dues-months">
            {book.months.map((month, i) => (
              <div key={month}>
                <Typography.Text type="secondary" style={{ fontSize: '0.85em', display: 'block' }}>
                  Tháng {monthNumber(month)}
                </Typography.Text>
                <MonthCell month={r.months[i]} book testid={`dues-${r.member}-${month}`} />
              </div>
            ))}
          </div>
        </div>
      ))}
    </Space>
  );
}
