// The yearly quality rating of party members (đánh giá, xếp loại chất lượng đảng viên, Quy định
// 366-QĐ/TW) in an org's subtree for a year: how many are to be rated, how many the committees
// decided and in which category, who is reviewed but not rated and why, the warning when «xuất
// sắc» exceed the rule set's quota — then every member with the self-assessment, the branch's
// proposal and the decision as they stand. Whoever writes members records a self-assessment or a
// proposal (ratingForms.tsx); on a grassroots org's page, whoever may decide ratings chooses the
// members proposed and records the committee's decision for them. A grassroots org's decision
// (quyết định xếp loại) as a preview and as Word and Excel files. Every row and count is the
// server's (GET /orgs/{code}/ratings); a table at a desk, a card per member on a phone.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, List, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { can, query, type Viewer } from '../api';
import { $api, errorText, type Schemas } from '../client';
import { Select } from '../controls';
import { vnDate, vnNumber, vnPercent } from '../labels';
import { useNarrow } from '../shell/AppHeader';
import { DocumentHtml, previewOf } from './DocumentPreview';
import { OrgPicker } from './OrgPicker';
import {
  decisionText,
  RatingDecisionDialog,
  RatingDialog,
  scoreAndCategory,
  stepLabels,
  type CategoryOption,
  type RatingRecord,
  type RatingRow,
  type RatingStep,
} from './ratingForms';
import { flatten, useTree } from './Tree';
import { useYearInAddress, yearOptions } from './yearChoice';

type RatingRound = Schemas['RatingRound'];
type Row_ = RatingRow & { index: number };

export function RatingsPage({ account, code }: { account: Viewer; code?: string }) {
  const { root } = useTree(null);
  const org = code || account.org || root?.code || '';
  // The year from the address (a bookmark, the back button, a link), else the round being held.
  const [year, setYear] = useYearInAddress(org);
  const answer = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/ratings',
    { params: { path: { code: org }, query: { year } } },
    { enabled: !!org },
  );
  const data = answer.error ? undefined : answer.data;
  const error = errorText(answer.error);
  // The organizations' names, for the committees that decide (a branch's page names its own).
  const orgs = useMemo(() => flatten(root), [root]);
  const names = useMemo(() => new Map(orgs.map((n) => [n.code, n.name])), [orgs]);
  // Only a grassroots org decides its members' rating: its decision as the committee signs it.
  const kind = orgs.find((n) => n.code === org)?.kind;
  const grassroots = kind === 'grassroots_committee' || kind === 'grassroots_branch';
  const file = (format: string) =>
    `/api/v1/orgs/${encodeURIComponent(org)}/ratings/decision/document${query({ year, format })}`;
  const [printShown, setPrintShown] = useState(false);
  const preview = useQuery({
    queryKey: ['ratings-preview', org, year],
    queryFn: ({ signal }) => previewOf(file('html'), signal),
    enabled: !!org && grassroots && printShown,
  });
  const [html, previewError] = preview.data ?? ['', ''];
  // The print opens just below the figures; on a phone it may start below the screen's edge.
  const printRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (printShown && html) printRef.current?.scrollIntoView({ block: 'start' });
  }, [printShown, html]);
  const title = `Đánh giá, xếp loại chất lượng đảng viên năm ${year}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={data ? `${title} — ${data.org_name}` : title}
        data-testid="ratings"
        extra={
          <Space wrap>
            <OrgPicker root={root} org={org} page="ratings" testid="ratings-org" />
            <Select
              aria-label="Năm đánh giá"
              data-testid="ratings-year"
              style={{ width: 130 }}
              virtual={false}
              value={year}
              onChange={setYear}
              options={yearOptions(year).map((y) => ({ value: y, label: `Năm ${y}` }))}
            />
          </Space>
        }
      >
        <Spin spinning={answer.isFetching} tip="Đang tải kết quả xếp loại…">
          {error && <Alert type="error" showIcon message="Chưa xem được kết quả xếp loại" description={error} />}
          {!data && !error && <div style={{ minHeight: 120 }} />}
          {data && <KeyFigures data={data} />}
          {data && grassroots && (
            <Space wrap style={{ marginTop: 16 }}>
              <Button href={file('docx')} data-testid="ratings-docx">
                Tải Word (.docx)
              </Button>
              <Button href={file('xlsx')} data-testid="ratings-xlsx">
                Tải Excel (.xlsx)
              </Button>
              <Button
                aria-expanded={printShown}
                aria-controls="ratings-print"
                onClick={() => setPrintShown(!printShown)}
                data-testid="ratings-print-toggle"
              >
                {printShown ? 'Ẩn bản in quyết định' : 'Xem bản in quyết định'}
              </Button>
            </Space>
          )}
        </Spin>
      </Card>
      {printShown && grassroots && (
        <div id="ratings-print" ref={printRef}>
          <Card title={`Bản in quyết định xếp loại chất lượng đảng viên năm ${year}`} data-testid="ratings-preview">
            <Spin spinning={preview.isFetching} tip="Đang tạo bản in…">
              {previewError && (
                <Alert type="warning" showIcon message="Chưa xem được bản in" description={previewError} />
              )}
              {html ? (
                <DocumentHtml html={html} label="Nội dung quyết định xếp loại chất lượng đảng viên" />
              ) : (
                <div style={{ minHeight: 120 }} />
              )}
            </Spin>
          </Card>
        </div>
      )}
      {data && data.rows.length > 0 && <RatingList account={account} data={data} names={names} />}
    </Space>
  );
}

// What the round covers, the counts (to rate, decided, by category, not rated by reason) and the
// quota's warning.
function KeyFigures({ data }: { data: RatingRound }) {
  const notRated = data.not_rated.reduce((n, r) => n + r.count, 0);
  const figure = (title: string, count: number, testid: string, note?: string) => (
    <Col key={testid} xs={12} sm={8} lg={6} xl={4}>
      <Statistic
        title={title}
        value={`${vnNumber(count)} đảng viên`}
        formatter={() => `${vnNumber(count)} đảng viên`}
        valueStyle={{ fontSize: '1.3em' }}
        data-testid={testid}
      />
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Col>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text data-testid="ratings-period">
        {data.org_name}: {vnNumber(data.members)} đảng viên tính đến ngày {vnDate(data.as_of)}, trong đó{' '}
        {vnNumber(data.to_rate)} đảng viên phải đánh giá, xếp loại chất lượng năm {data.year}
        {notRated > 0 ? ` và ${vnNumber(notRated)} đảng viên không xếp loại` : ''}.
      </Typography.Text>
      {data.quota_warning && (
        <Alert type="warning" showIcon message={data.quota_warning} data-testid="ratings-quota-warning" />
      )}
      <Row gutter={[16, 12]}>
        {figure('Phải đánh giá, xếp loại', data.to_rate, 'ratings-to-rate')}
        {figure('Đã có quyết định xếp loại', data.decided, 'ratings-decided')}
        {data.by_category.map((c) =>
          figure(
            c.label,
            c.count,
            `ratings-count-${c.category}`,
            data.decided > 0 ? `${vnPercent((c.count * 100) / data.decided)} số đã xếp loại` : undefined,
          ),
        )}
        {data.not_rated.map((r) => figure(`Không xếp loại: ${r.label}`, r.count, `ratings-not-rated-${r.reason}`))}
      </Row>
    </Space>
  );
}

const pageSize = 50;

// A self-assessment or a proposal: the score, and the category under it (in a line of a card, after
// it); «Chưa có» when none.
function RecordCell({
  record,
  testid,
  inText = false,
}: {
  record: RatingRecord | null;
  testid: string;
  inText?: boolean;
}) {
  if (inText)
    return (
      <span data-testid={testid}>
        {record ? scoreAndCategory(record) : <Typography.Text type="secondary">chưa có</Typography.Text>}
      </span>
    );
  return (
    <Space direction="vertical" size={0} data-testid={testid} style={{ maxWidth: 240 }}>
      {record ? (
        <>
          {record.score && <span>Điểm {record.score}</span>}
          <span>{record.category_label}</span>
        </>
      ) : (
        <Typography.Text type="secondary">Chưa có</Typography.Text>
      )}
    </Space>
  );
}

// The committee's decision: the category, its number and day.
function DecisionCell({ row }: { row: RatingRow }) {
  const d = row.decision;
  return (
    <Space direction="vertical" size={0} data-testid={`ratings-decision-${row.member}`} style={{ maxWidth: 240 }}>
      {d ? (
        <>
          <b>{d.category_label}</b>
          <span>{decisionText(d)}</span>
        </>
      ) : (
        <Typography.Text type="secondary">Chưa có quyết định</Typography.Text>
      )}
    </Space>
  );
}

function NotRated({ row }: { row: RatingRow }) {
  return <span data-testid={`ratings-not-rated-${row.member}`}>Không xếp loại: {row.not_rated_label}</span>;
}

// Inside a line of text (a card) the link is underlined: colour alone does not set it apart.
function NameCell({ row, inText = false }: { row: RatingRow; inText?: boolean }) {
  return (
    <Space size={4} wrap>
      <a
        href={`#/member/${encodeURIComponent(row.member)}`}
        style={inText ? { textDecoration: 'underline' } : undefined}
        data-testid="ratings-name"
      >
        {row.name}
      </a>
      {row.disciplined && <Tag color="red">Bị kỷ luật trong năm</Tag>}
    </Space>
  );
}

const steps: RatingStep[] = ['self', 'proposal'];

function RatingList({ account, data, names }: { account: Viewer; data: RatingRound; names: Map<string, string> }) {
  const narrow = useNarrow();
  const rows: Row_[] = data.rows.map((r, i) => ({ ...r, index: i + 1 }));
  const mayWrite = can.writeMembers(account);
  // Only a grassroots org's committee decides, for its own members.
  const grassroots = data.rows.some((r) => r.competent === data.org);
  const mayDecide = can.decideRatings(account) && grassroots;
  const writable = (r: RatingRow) => mayWrite && !r.not_rated && !r.decision;
  // The members chosen for a decision: at first, and after each decision recorded, every one with
  // the branch's proposal and no decision.
  const list = `${data.org}|${data.year}`;
  const open = rows.filter((r) => !r.not_rated && r.proposal && !r.decision).map((r) => r.member);
  const [picked, setPicked] = useState<{ list: string; keys: string[] } | null>(null);
  const openKeys = new Set(open);
  const selected = new Set(picked?.list === list ? picked.keys.filter((k) => openKeys.has(k)) : open);
  const choose = (keys: string[]) => setPicked({ list, keys });
  const toggle = (r: RatingRow, on: boolean) =>
    choose(on ? [...selected, r.member] : [...selected].filter((k) => k !== r.member));
  const chosen = rows.filter((r) => selected.has(r.member));
  const [writing, setWriting] = useState<{ row: RatingRow; step: RatingStep } | null>(null);
  // The members of the decision being recorded, as they were chosen when the dialog opened.
  const [deciding, setDeciding] = useState<RatingRow[] | null>(null);
  // The quota's warning of the decision just recorded.
  const [warning, setWarning] = useState<string | null>(null);
  const categories: CategoryOption[] = data.by_category.map((c) => ({ value: c.category, label: c.label }));
  // On a page above the grassroots: the committees that decide, each with its own page.
  const competent = grassroots ? [] : [...new Set(data.rows.map((r) => r.competent))];
  // In a table's column, one above the other (the table stays within a desk's screen).
  const actions = (r: RatingRow, stacked = false) =>
    writable(r) && (
      <Space wrap size={8} direction={stacked ? 'vertical' : 'horizontal'}>
        {steps.map((step) => (
          <Button
            key={step}
            size="small"
            aria-haspopup="dialog"
            aria-label={`${stepLabels[step]}: ${r.name}`}
            onClick={() => setWriting({ row: r, step })}
            data-testid={`ratings-${step}-new-${r.member}`}
          >
            {stepLabels[step]}
          </Button>
        ))}
      </Space>
    );
  const pagination = { pageSize, hideOnSinglePage: true, showSizeChanger: false };
  // A member not rated: one cell says why, over the three steps.
  const span = (first: boolean) => (r: RatingRow) => (r.not_rated ? { colSpan: first ? 3 : 0 } : {});
  return (
    <Card title={`Danh sách đảng viên (${vnNumber(rows.length)})`} data-testid="ratings-list">
      {mayDecide &&
        (open.length === 0 ? (
          <Typography.Paragraph data-testid="ratings-none-open">
            Không có đảng viên nào đã có đề xuất của chi bộ mà chưa có quyết định xếp loại năm {data.year}.
          </Typography.Paragraph>
        ) : (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text type="secondary">
              Đánh dấu những đảng viên có trong quyết định xếp loại của cấp ủy (mỗi người theo đề xuất của chi bộ), rồi
              bấm «Ghi quyết định xếp loại».
            </Typography.Text>
            <Space wrap>
              <Button
                type="primary"
                aria-haspopup="dialog"
                disabled={chosen.length === 0}
                onClick={() => setDeciding(chosen)}
                data-testid="ratings-decide"
              >
                Ghi quyết định xếp loại ({vnNumber(chosen.length)} đảng viên)
              </Button>
              <Button onClick={() => choose(open)} data-testid="ratings-select-all">
                Chọn tất cả đã có đề xuất
              </Button>
              <Button onClick={() => choose([])} data-testid="ratings-select-none">
                Bỏ chọn tất cả
              </Button>
            </Space>
          </Space>
        ))}
      {warning && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setWarning(null)}
          style={{ marginBottom: 12 }}
          message="Quyết định đã được ghi. Lưu ý:"
          description={warning}
          data-testid="ratings-decision-warning"
        />
      )}
      {can.decideRatings(account) && competent.length > 0 && competent.length <= 12 && (
        <Typography.Paragraph type="secondary" data-testid="ratings-competent">
          Quyết định xếp loại do cấp ủy cơ sở ghi cho đảng viên của mình, ở trang này của tổ chức cơ sở đảng:{' '}
          {competent.map((c, i) => (
            <span key={c}>
              {i > 0 && ', '}
              <a href={`#/ratings/${encodeURIComponent(c)}?year=${data.year}`} style={{ textDecoration: 'underline' }}>
                {names.get(c) ?? c}
              </a>
            </span>
          ))}
          .
        </Typography.Paragraph>
      )}
      {narrow ? (
        <List<Row_>
          data-testid="ratings-cards"
          dataSource={rows}
          rowKey="member"
          pagination={pagination}
          split={false}
          renderItem={(r) => (
            <List.Item style={{ padding: '4px 0' }}>
              <div className="dv-dues-card" style={{ width: '100%' }} data-testid="ratings-row">
                <div>
                  {r.index}. <NameCell row={r} inText />
                </div>
                <Typography.Text type="secondary">{r.org_name}</Typography.Text>
                {r.not_rated ? (
                  <div>
                    <NotRated row={r} />
                  </div>
                ) : (
                  <>
                    <div>
                      Tự đánh giá: <RecordCell record={r.self} testid={`ratings-self-${r.member}`} inText />
                    </div>
                    <div>
                      Chi bộ đề xuất: <RecordCell record={r.proposal} testid={`ratings-proposal-${r.member}`} inText />
                    </div>
                    <div>
                      <DecisionCell row={r} />
                    </div>
                  </>
                )}
                {writable(r) && <div style={{ marginTop: 4 }}>{actions(r)}</div>}
                {mayDecide && openKeys.has(r.member) && (
                  <Checkbox
                    checked={selected.has(r.member)}
                    onChange={(e) => toggle(r, e.target.checked)}
                    style={{ marginTop: 4 }}
                  >
                    Chọn ghi vào quyết định
                  </Checkbox>
                )}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Row_>
          data-testid="ratings-table"
          size="small"
          rowKey="member"
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          rowSelection={
            mayDecide && open.length > 0
              ? {
                  selectedRowKeys: [...selected],
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => choose(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: !openKeys.has(r.member), 'aria-label': `Chọn ${r.name}` }),
                  // The buttons above choose all or none, over every page. A checkbox in the header
                  // would be copied, focusable, into the table's hidden row that measures columns.
                  hideSelectAll: true,
                  columnTitle: 'Chọn',
                }
              : undefined
          }
          columns={[
            { title: 'STT', dataIndex: 'index', align: 'right', width: 60 },
            { title: 'Họ và tên', render: (_, r) => <NameCell row={r} /> },
            {
              title: 'Chi bộ',
              render: (_, r) => <span style={{ display: 'inline-block', maxWidth: 200 }}>{r.org_name}</span>,
            },
            {
              title: 'Tự đánh giá',
              onCell: span(true),
              render: (_, r) =>
                r.not_rated ? <NotRated row={r} /> : <RecordCell record={r.self} testid={`ratings-self-${r.member}`} />,
            },
            {
              title: 'Chi bộ đề xuất',
              onCell: span(false),
              render: (_, r) => <RecordCell record={r.proposal} testid={`ratings-proposal-${r.member}`} />,
            },
            { title: 'Quyết định xếp loại', onCell: span(false), render: (_, r) => <DecisionCell row={r} /> },
            ...(rows.some(writable)
              ? [{ title: 'Ghi', render: (_: unknown, r: Row_) => actions(r, true) || null }]
              : []),
          ]}
        />
      )}
      {writing && (
        <RatingDialog
          row={writing.row}
          year={data.year}
          step={writing.step}
          categories={categories}
          onClose={() => setWriting(null)}
        />
      )}
      {deciding && (
        <RatingDecisionDialog
          org={data.org}
          year={data.year}
          rows={deciding}
          onClose={(changed, w) => {
            setDeciding(null);
            // The members left without a decision are chosen for the next one.
            if (changed) {
              setPicked(null);
              setWarning(w);
            }
          }}
        />
      )}
    </Card>
  );
}
