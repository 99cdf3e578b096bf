// Party badges (Huy hiệu Đảng) of an org's subtree for an occasion of presentation (03/02, 19/05,
// 02/09, 07/11 of each year): how many members reach each badge's years (30, 40, 45 … 90 năm
// tuổi Đảng) after the occasion before and by this one, and who they are. Every row and count is
// the server's (GET /orgs/{code}/badges/due); a table at a desk, a card per member on a phone.
import { useEffect, useState } from 'react';
import { Alert, Card, Col, List, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Viewer } from '../api';
import { $api, errorText, type Schemas } from '../client';
import { Select } from '../controls';
import { badgeRules, vnDate, vnNumber } from '../labels';
import { hashParams, replaceHashParams } from '../route';
import { useNarrow } from '../shell/AppHeader';
import { OrgPicker } from './OrgPicker';
import { useTree } from './Tree';

type BadgesDue = Schemas['BadgesDue'];
type BadgeRow = BadgesDue['rows'][number] & { index: number };

// The days a badge is presented on (month-day), as the server's rule set has them.
const occasionDays = () => badgeRules().occasions;

// Last year's, this year's and next year's occasions (ISO), in order; `extra` (one from the
// address, of another year) among them.
function occasionsAround(today: dayjs.Dayjs, extra?: string): string[] {
  const year = today.year();
  const days = [year - 1, year, year + 1].flatMap((y) => occasionDays().map((d) => `${y}-${d}`));
  if (extra && !days.includes(extra)) days.push(extra);
  return days.sort();
}

// The next occasion on or after today.
function nextOccasion(today: dayjs.Dayjs): string {
  const iso = today.format('YYYY-MM-DD');
  return occasionsAround(today).find((d) => d >= iso) ?? `${today.year() + 1}-${occasionDays()[0]}`;
}

function isOccasion(day: string | null): day is string {
  return !!day && /^\d{4}-\d{2}-\d{2}$/.test(day) && occasionDays().includes(day.slice(5));
}

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
          {data && <KeyFigures data={data} />}
        </Spin>
      </Card>
      {data && data.rows.length > 0 && <BadgeList data={data} />}
    </Space>
  );
}

// What the list covers, then the count per badge (highest first) and the total.
function KeyFigures({ data }: { data: BadgesDue }) {
  const total = data.by_years.reduce((n, b) => n + b.count, 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text data-testid="badges-period">
        {data.org_name}: đảng viên đủ tuổi Đảng nhận Huy hiệu từ sau đợt {vnDate(data.previous)} đến hết ngày{' '}
        {vnDate(data.occasion)} (danh sách đảng viên tính đến ngày {vnDate(data.as_of)}).
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
              <Statistic
                title={`Huy hiệu ${b.years} năm`}
                value={`${vnNumber(b.count)} đảng viên`}
                formatter={() => `${vnNumber(b.count)} đảng viên`}
                valueStyle={{ fontSize: '1.3em' }}
                data-testid={`badges-count-${b.years}`}
              />
            </Col>
          ))}
          <Col xs={12} sm={8} lg={4}>
            <Statistic
              title="Tổng số"
              value={`${vnNumber(total)} đảng viên`}
              formatter={() => `${vnNumber(total)} đảng viên`}
              valueStyle={{ fontSize: '1.3em' }}
              data-testid="badges-total"
            />
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

const pageSize = 50;
const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

function BadgeList({ data }: { data: BadgesDue }) {
  const narrow = useNarrow();
  const rows: BadgeRow[] = data.rows.map((r, i) => ({ ...r, index: i + 1 }));
  const key = (r: BadgeRow) => `${r.member}-${r.years}`;
  const pagination = { pageSize, hideOnSinglePage: true, showSizeChanger: false };
  return (
    <Card title={`Danh sách đảng viên (${vnNumber(rows.length)})`}>
      {narrow ? (
        <List<BadgeRow>
          data-testid="badges-cards"
          dataSource={rows}
          rowKey={key}
          pagination={pagination}
          split={false}
          renderItem={(r) => (
            <List.Item style={{ padding: '4px 0' }}>
              <div className="dv-dues-card" style={{ width: '100%' }} data-testid="badges-row">
                <div>
                  {r.index}. <MemberLink row={r} inText /> — <b>Huy hiệu {r.years} năm</b>
                </div>
                <Typography.Text type="secondary">{r.org_name}</Typography.Text>
                <div>Ngày vào Đảng: {vnDate(r.first_admission)}</div>
                <Space size={4} wrap>
                  Ngày đủ tuổi Đảng: <DueCell row={r} />
                </Space>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<BadgeRow>
          data-testid="badges-table"
          size="small"
          rowKey={key}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={[
            { title: 'STT', dataIndex: 'index', align: 'right', width: 60 },
            { title: 'Họ và tên', render: (_, r) => <MemberLink row={r} /> },
            { title: 'Tổ chức đảng', dataIndex: 'org_name' },
            { title: 'Ngày vào Đảng', render: (_, r) => nowrap(vnDate(r.first_admission)) },
            { title: 'Huy hiệu', render: (_, r) => nowrap(`${r.years} năm`) },
            { title: 'Ngày đủ tuổi Đảng', render: (_, r) => <DueCell row={r} /> },
          ]}
        />
      )}
      {data.rows.some((r) => r.gap) && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="badges-gap-note">
          «Có thời gian gián đoạn»: đảng viên có thời gian ở ngoài Đảng; thời gian đó không tính vào tuổi Đảng, nên ngày
          đủ tuổi Đảng lùi lại tương ứng.
        </Typography.Paragraph>
      )}
    </Card>
  );
}
