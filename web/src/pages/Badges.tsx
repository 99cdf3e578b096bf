// Party badges (Huy hiệu Đảng) of an org's subtree for an occasion of presentation (03/02, 19/05,
// 02/09, 07/11 of each year): how many members reach each badge's years (30, 40, 45 … 90 năm
// tuổi Đảng) after the occasion before and by this one, or reached one earlier and were not
// awarded it since, and who they are — each with the decision recorded for this occasion, if any,
// and the badge held before. The proposal the committee sends up (tờ trình) as a preview and as
// Word and Excel files. The committee's office chooses members of the list and records the
// committee's decision for them (badgeForms.tsx). Every row and count is the server's
// (GET /orgs/{code}/badges/due); a table at a desk, a card per member on a phone.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, List, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { can, query, type Viewer } from '../api';
import { $api, errorText, type Schemas } from '../client';
import { Select } from '../controls';
import { vnDate, vnNumber } from '../labels';
import { hashParams, replaceHashParams } from '../route';
import { useNarrow } from '../shell/AppHeader';
import { AwardsDialog, groundLabels, isOccasion, nextOccasion, occasionsAround, useDecidingBody } from './badgeForms';
import { DocumentHtml, previewOf } from './DocumentPreview';
import { OrgPicker } from './OrgPicker';
import { useTree } from './Tree';

type BadgesDue = Schemas['BadgesDue'];
type BadgeRow = BadgesDue['rows'][number] & { index: number };

export function BadgesPage({ account, code }: { account: Viewer; code?: string }) {
  const { root } = useTree(null);
  const org = code || account.org || root?.code || '';
  // The occasion from the address (a bookmark, the back button), else the next one.
  const [occasion, setOccasion] = useState(() => {
    const asked = hashParams().get('occasion');
    return isOccasion(asked) ? asked : nextOccasion(dayjs());
  });
  // Kept in the address, also after another organization is picked (a new route).
  useEffect(() => replaceHashParams({ occasion }), [org, occasion]);
  const answer = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/badges/due',
    { params: { path: { code: org }, query: { occasion } } },
    { enabled: !!org },
  );
  const data = answer.error ? undefined : answer.data;
  const error = errorText(answer.error);
  const mayRecord = can.recordBadges(account);
  const deciding = useDecidingBody(org, mayRecord);
  // The proposal (tờ trình) as the server writes it: the files, and the preview on demand.
  const file = (format: string) =>
    `/api/v1/orgs/${encodeURIComponent(org)}/badges/due/document${query({ occasion, format })}`;
  const [printShown, setPrintShown] = useState(false);
  const preview = useQuery({
    queryKey: ['badges-preview', org, occasion],
    queryFn: ({ signal }) => previewOf(file('html'), signal),
    enabled: !!org && printShown,
  });
  const [html, previewError] = preview.data ?? ['', ''];
  // The print opens just below the figures; on a phone it may start below the screen's edge.
  const printRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (printShown && html) printRef.current?.scrollIntoView({ block: 'start' });
  }, [printShown, html]);
  const title = `Huy hiệu Đảng — đợt ${vnDate(occasion)}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={data ? `${title} — ${data.org_name}` : title}
        data-testid="badges"
        extra={
          <Space wrap>
            <OrgPicker root={root} org={org} page="badges" testid="badges-org" />
            <Select
              aria-label="Đợt trao tặng"
              data-testid="badges-occasion"
              style={{ width: 150 }}
              // Every option in the page (a dozen): a virtual list leaves out those scrolled away.
              virtual={false}
              value={occasion}
              onChange={setOccasion}
              options={occasionsAround(dayjs(), occasion).map((d) => ({ value: d, label: vnDate(d) }))}
            />
          </Space>
        }
      >
        <Spin spinning={answer.isFetching} tip="Đang tìm đảng viên…">
          {error && <Alert type="error" showIcon message="Chưa có danh sách Huy hiệu Đảng" description={error} />}
          {!data && !error && <div style={{ minHeight: 120 }} />}
          {data && (
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <KeyFigures data={data} />
              <Space wrap>
                <Button type="primary" href={file('docx')} data-testid="badges-docx">
                  Tải Word (.docx)
                </Button>
                <Button href={file('xlsx')} data-testid="badges-xlsx">
                  Tải Excel (.xlsx)
                </Button>
                <Button
                  aria-expanded={printShown}
                  aria-controls="badges-print"
                  onClick={() => setPrintShown(!printShown)}
                  data-testid="badges-print-toggle"
                >
                  {printShown ? 'Ẩn bản in tờ trình' : 'Xem bản in tờ trình'}
                </Button>
              </Space>
            </Space>
          )}
        </Spin>
      </Card>
      {printShown && (
        <div id="badges-print" ref={printRef}>
          <Card title="Bản in tờ trình đề nghị tặng Huy hiệu Đảng" data-testid="badges-preview">
            <Spin spinning={preview.isFetching} tip="Đang tạo bản in…">
              {previewError && (
                <Alert type="warning" showIcon message="Chưa xem được bản in" description={previewError} />
              )}
              {html ? (
                <DocumentHtml html={html} label="Nội dung tờ trình đề nghị tặng Huy hiệu Đảng" />
              ) : (
                <div style={{ minHeight: 120 }} />
              )}
            </Spin>
          </Card>
        </div>
      )}
      {data && data.rows.length > 0 && <BadgeList data={data} mayRecord={mayRecord} deciding={deciding} />}
    </Space>
  );
}

// What the list covers, then the count per badge (highest first), the total and how many have
// the committee's decision.
function KeyFigures({ data }: { data: BadgesDue }) {
  const total = data.by_years.reduce((n, b) => n + b.count, 0);
  const overdue = data.rows.filter((r) => r.overdue).length;
  const figure = (title: string, count: number, testid: string) => (
    <Statistic
      title={title}
      value={`${vnNumber(count)} đảng viên`}
      formatter={() => `${vnNumber(count)} đảng viên`}
      valueStyle={{ fontSize: '1.3em' }}
      data-testid={testid}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text data-testid="badges-period">
        {data.org_name}: đảng viên đủ tuổi Đảng nhận Huy hiệu từ sau đợt {vnDate(data.previous)} đến hết ngày{' '}
        {vnDate(data.occasion)} (danh sách đảng viên tính đến ngày {vnDate(data.as_of)}).
        {overdue > 0 &&
          ` Có ${vnNumber(overdue)} đảng viên đủ tuổi Đảng từ các đợt trước nhưng chưa được tặng, cũng ở trong danh sách.`}
      </Typography.Text>
      {total === 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="badges-empty"
          message="Không có đảng viên nào đủ tuổi Đảng nhận Huy hiệu trong đợt này."
        />
      ) : (
        <Row gutter={[16, 12]}>
          {data.by_years.map((b) => (
            <Col key={b.years} xs={12} sm={8} lg={4}>
              {figure(`Huy hiệu ${b.years} năm`, b.count, `badges-count-${b.years}`)}
            </Col>
          ))}
          <Col xs={12} sm={8} lg={4}>
            {figure('Tổng số', total, 'badges-total')}
          </Col>
          <Col xs={12} sm={8} lg={4}>
            {figure('Đã có quyết định tặng', data.awarded, 'badges-awarded')}
          </Col>
        </Row>
      )}
    </Space>
  );
}

// Inside a line of text (a card) the link is underlined: colour alone does not set it apart.
function MemberLink({ row, inText = false }: { row: BadgeRow; inText?: boolean }) {
  return (
    <a
      href={`#/member/${encodeURIComponent(row.member)}`}
      style={inText ? { textDecoration: 'underline' } : undefined}
      data-testid="badges-name"
    >
      {row.name}
    </a>
  );
}

// The day the badge falls due, marked when time outside the Party put it back.
function DueCell({ row }: { row: BadgeRow }) {
  return (
    <Space size={4} wrap>
      <span style={{ whiteSpace: 'nowrap' }} data-testid="badges-due">
        {vnDate(row.due)}
      </span>
      {row.gap && <Tag color="orange">Có thời gian gián đoạn</Tag>}
    </Space>
  );
}

// Where the member stands: the decision recorded for this occasion (and the day it was presented),
// due at an earlier occasion and not awarded since, the badge held before.
function StateCell({ row }: { row: BadgeRow }) {
  const a = row.award;
  return (
    <Space direction="vertical" size={2} data-testid={`badges-state-${row.member}`}>
      {a ? (
        <span style={{ display: 'inline-block', maxWidth: 320 }} data-testid="badges-award">
          Đã có quyết định số {a.decision_no} ngày {vnDate(a.decided_on)}
          {a.presented_on ? `, đã trao ${vnDate(a.presented_on)}` : ''}
        </span>
      ) : (
        <Typography.Text type="secondary">Chưa có quyết định</Typography.Text>
      )}
      {a && a.ground !== 'none' && <Tag>{groundLabels[a.ground]}</Tag>}
      {row.overdue && <Tag color="orange">Quá hạn từ đợt trước</Tag>}
      {row.held !== null && <Typography.Text type="secondary">Đã có Huy hiệu {row.held} năm</Typography.Text>}
    </Space>
  );
}

const pageSize = 50;
const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
const rowKey = (r: BadgeRow) => `${r.member}-${r.years}`;

function BadgeList({ data, mayRecord, deciding }: { data: BadgesDue; mayRecord: boolean; deciding: string }) {
  const narrow = useNarrow();
  const rows: BadgeRow[] = data.rows.map((r, i) => ({ ...r, index: i + 1 }));
  // The members chosen for a decision: at first, and after each decision recorded, every one
  // without a decision for this occasion.
  const list = `${data.org}|${data.occasion}`;
  const open = rows.filter((r) => !r.award).map(rowKey);
  const [picked, setPicked] = useState<{ list: string; keys: string[] } | null>(null);
  const openKeys = new Set(open);
  const selected = new Set(picked?.list === list ? picked.keys.filter((k) => openKeys.has(k)) : open);
  const choose = (keys: string[]) => setPicked({ list, keys });
  const toggle = (r: BadgeRow, on: boolean) =>
    choose(on ? [...selected, rowKey(r)] : [...selected].filter((k) => k !== rowKey(r)));
  const chosen = rows.filter((r) => selected.has(rowKey(r)));
  // The members of the decision being recorded, as they were chosen when the dialog opened.
  const [recording, setRecording] = useState<BadgeRow[] | null>(null);
  // The decision already recorded for the occasion names who decided; else the committee above.
  const decidedBy = rows.find((r) => r.award)?.award?.decided_by || deciding;
  const pagination = { pageSize, hideOnSinglePage: true, showSizeChanger: false };
  return (
    <Card title={`Danh sách đảng viên (${vnNumber(rows.length)})`} data-testid="badges-list">
      {mayRecord &&
        (open.length === 0 ? (
          <Typography.Paragraph data-testid="badges-all-awarded">
            Tất cả đảng viên trong danh sách đã có quyết định tặng Huy hiệu Đảng đợt này.
          </Typography.Paragraph>
        ) : (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text type="secondary">
              Đánh dấu những đảng viên có trong quyết định tặng Huy hiệu Đảng của cấp ủy, rồi bấm «Ghi quyết định tặng».
            </Typography.Text>
            <Space wrap>
              <Button
                type="primary"
                aria-haspopup="dialog"
                disabled={chosen.length === 0}
                onClick={() => setRecording(chosen)}
                data-testid="badges-record"
              >
                Ghi quyết định tặng ({vnNumber(chosen.length)} đảng viên)
              </Button>
              <Button onClick={() => choose(open)} data-testid="badges-select-all">
                Chọn tất cả chưa có quyết định
              </Button>
              <Button onClick={() => choose([])} data-testid="badges-select-none">
                Bỏ chọn tất cả
              </Button>
            </Space>
          </Space>
        ))}
      {narrow ? (
        <List<BadgeRow>
          data-testid="badges-cards"
          dataSource={rows}
          rowKey={rowKey}
          pagination={pagination}
          split={false}
          renderItem={(r) => (
            <List.Item style={{ padding: '4px 0' }}>
              <div className="dv-dues-card" style={{ width: '100%' }} data-testid="badges-row">
                <div>
                  {r.index}. <MemberLink row={r} inText /> — <b>Huy hiệu {r.years} năm</b>
                </div>
                <Typography.Text type="secondary">{r.org_name}</Typography.Text>
                <div>Năm sinh: {r.birth.slice(0, 4)}</div>
                <div>Ngày vào Đảng: {vnDate(r.first_admission)}</div>
                <Space size={4} wrap>
                  Ngày đủ tuổi Đảng: <DueCell row={r} />
                </Space>
                <div>
                  <StateCell row={r} />
                </div>
                {mayRecord && !r.award && (
                  <Checkbox
                    checked={selected.has(rowKey(r))}
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
        <Table<BadgeRow>
          data-testid="badges-table"
          size="small"
          rowKey={rowKey}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          rowSelection={
            mayRecord
              ? {
                  selectedRowKeys: [...selected],
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => choose(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: !!r.award, 'aria-label': `Chọn ${r.name}` }),
                  // The buttons above choose all or none, over every page. A checkbox in the header
                  // would be copied, focusable, into the table's hidden row that measures columns.
                  hideSelectAll: true,
                  columnTitle: 'Chọn',
                }
              : undefined
          }
          columns={[
            { title: 'STT', dataIndex: 'index', align: 'right', width: 60 },
            { title: 'Họ và tên', render: (_, r) => <MemberLink row={r} /> },
            { title: 'Năm sinh', render: (_, r) => r.birth.slice(0, 4) },
            { title: 'Tổ chức đảng', dataIndex: 'org_name' },
            { title: 'Ngày vào Đảng', render: (_, r) => nowrap(vnDate(r.first_admission)) },
            { title: 'Huy hiệu', render: (_, r) => nowrap(`${r.years} năm`) },
            { title: 'Ngày đủ tuổi Đảng', render: (_, r) => <DueCell row={r} /> },
            { title: 'Tình trạng', render: (_, r) => <StateCell row={r} /> },
          ]}
        />
      )}
      {data.rows.some((r) => r.gap) && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="badges-gap-note">
          «Có thời gian gián đoạn»: đảng viên có thời gian ở ngoài Đảng; thời gian đó không tính vào tuổi Đảng, nên ngày
          đủ tuổi Đảng lùi lại tương ứng.
        </Typography.Paragraph>
      )}
      {recording && (
        <AwardsDialog
          occasion={data.occasion}
          rows={recording}
          decidedBy={decidedBy}
          onClose={(changed) => {
            setRecording(null);
            // The members left without a decision are chosen for the next one.
            if (changed) setPicked(null);
          }}
        />
      )}
    </Card>
  );
}
