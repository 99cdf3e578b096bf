import { useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { client, type Schemas } from '../client';
import { Alert, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { can, type Viewer, type TreeNode } from '../api';
import { vnDate, label } from '../labels';
import { go } from '../route';
import { Chart } from './Chart';
import { iso, dateFormats } from './forms';
import { OrgOpDialog } from './OrgOps';
import { OverdueTasks } from './OverdueTasks';
import { flatten, treeExportHref, useTree } from './Tree';
import { useNarrow } from '../shell/AppHeader';

type RecentEvent = Schemas['RecentEvent'];

export function OrgPage({ account, code }: { account: Viewer; code: string }) {
  const narrow = useNarrow();
  const [at, setAt] = useState<Dayjs | null>(dayjs());
  const [op, setOp] = useState<'rename' | 'move' | 'dissolve' | 'split' | null>(null);
  const { root: sub } = useTree(at, code);
  const { root: whole, reload } = useTree(at);
  const path = { code };
  const statsAt = async (date: string, signal: AbortSignal) =>
    (await client.GET('/api/v1/orgs/{code}/stats', { params: { path, query: { at: date } }, signal })).data!;
  const current = useQuery({
    queryKey: ['stats', code, iso(at)],
    queryFn: ({ signal }) => statsAt(iso(at), signal),
  });
  const stats = current.error ? undefined : current.data;
  const error = current.error?.message ?? '';
  // Admissions and recognitions by year: the statistics as of each year's last day (the current
  // year as of the chosen date) count that year's flows.
  const last = (at ?? dayjs()).year();
  const yearly = useQueries({
    queries: [last - 4, last - 3, last - 2, last - 1]
      .map((y) => `${y}-12-31`)
      .concat(iso(at))
      .map((d) => ({
        queryKey: ['stats', code, d],
        queryFn: ({ signal }: { signal: AbortSignal }) => statsAt(d, signal),
      })),
  });
  const years = yearly.flatMap((q) => (q.data ? [q.data] : []));
  const recentQuery = useQuery({
    queryKey: ['org-events', code, iso(at)],
    queryFn: async ({ signal }) =>
      (await client.GET('/api/v1/orgs/{code}/events', { params: { path, query: { at: iso(at), limit: 15 } }, signal }))
        .data!,
  });
  const recent: RecentEvent[] = recentQuery.data?.events ?? [];
  const pie = useMemo(
    () =>
      stats && {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            // On a phone the slices' labels overlap: the legend below names them.
            label: { show: !narrow },
            data: [
              { name: 'Chính thức', value: stats.members.official },
              { name: 'Dự bị', value: stats.members.probationary },
              { name: 'Quần chúng ưu tú', value: stats.members.candidates },
            ],
          },
        ],
      },
    [stats, narrow],
  );
  const flows = useMemo(
    () =>
      years.length > 0 && {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        xAxis: { type: 'category', data: years.map((s) => s.at.slice(0, 4)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: 'Kết nạp', type: 'bar', data: years.map((s) => s.admitted_this_year) },
          { name: 'Công nhận chính thức', type: 'bar', data: years.map((s) => s.recognized_this_year) },
        ],
      },
    [years],
  );
  const children = sub?.children ?? [];
  const mayChange = can.changeOrgs(account);
  const own = account.org === code;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={stats ? `${stats.name} — ${label('org_kinds', stats.kind)}` : code}
        extra={
          <Space wrap>
            <label htmlFor="org-at">Tính đến ngày</label>
            <DatePicker id="org-at" value={at} format={dateFormats} onChange={setAt} allowClear={false} />
            <Button href={`#/members/${encodeURIComponent(code)}`}>Danh sách đảng viên</Button>
            <Button onClick={() => go('work', code)} data-testid="org-work">
              Công tác
            </Button>
            <Button onClick={() => go('plan', code)} data-testid="org-plan">
              Kế hoạch năm
            </Button>
            <Button onClick={() => go('report', code)} data-testid="org-report">
              Báo cáo
            </Button>
            <Button onClick={() => go('statistics', code)} data-testid="org-statistics">
              Thống kê đảng viên
            </Button>
            <Button onClick={() => go('dues', code)} data-testid="org-dues">
              Sổ đảng phí
            </Button>
            <Button onClick={() => go('dues-report', code)} data-testid="org-dues-report">
              Báo cáo đảng phí
            </Button>
            <Button onClick={() => go('badges', code)} data-testid="org-badges">
              Huy hiệu Đảng
            </Button>
            <Button onClick={() => go('ratings', code)} data-testid="org-ratings">
              Đánh giá, xếp loại đảng viên
            </Button>
            <Button onClick={() => go('org-results', code)} data-testid="org-org-results">
              Xếp loại tổ chức đảng và thi đua
            </Button>
            <Button onClick={() => go('conferences', code)} data-testid="org-conferences">
              Hội nghị
            </Button>
            {/* A sub-branch has nothing below it: no tree to export, no list of units. */}
            {children.length > 0 && (
              <Button href={treeExportHref(code, at)} data-testid="export-tree">
                Xuất cây tổ chức (Excel)
              </Button>
            )}
            {mayChange && sub && (
              <>
                <Button onClick={() => setOp('rename')}>Đổi tên</Button>
                {!own && <Button onClick={() => setOp('move')}>Chuyển</Button>}
                {!own && <Button onClick={() => setOp('split')}>Chia tách</Button>}
                {!own && (
                  <Button danger onClick={() => setOp('dissolve')}>
                    Giải thể
                  </Button>
                )}
              </>
            )}
          </Space>
        }
      >
        {error && <Alert type="error" message={error} />}
        {stats && (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title="Tổng số đảng viên" value={stats.members.members} groupSeparator="." />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="Đảng viên chính thức" value={stats.members.official} groupSeparator="." />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="Đảng viên dự bị" value={stats.members.probationary} groupSeparator="." />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="Quần chúng ưu tú" value={stats.members.candidates} groupSeparator="." />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={`Kết nạp từ 01/01/${stats.at.slice(0, 4)}`} value={stats.admitted_this_year} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="Công nhận chính thức trong năm" value={stats.recognized_this_year} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="Dự bị quá hạn xét" value={stats.probation_overdue} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="Chi bộ dưới 3 đảng viên chính thức" value={stats.branches_below_minimum} />
            </Col>
          </Row>
        )}
      </Card>
      {stats && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Card title={`Đảng viên theo tình trạng (${vnDate(stats.at)})`}>
              {pie && <Chart option={pie} label="Biểu đồ đảng viên theo tình trạng" />}
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title="Kết nạp và công nhận chính thức theo năm">
              {flows && <Chart option={flows} label="Biểu đồ kết nạp và công nhận theo năm" />}
            </Card>
          </Col>
        </Row>
      )}
      <Card title={`Nhiệm vụ trọng tâm quá hạn (${vnDate(iso(at))})`}>
        <OverdueTasks org={code} at={at} />
      </Card>
      <Card title="Sự kiện gần đây">
        <Table<RecentEvent>
          scroll={{ x: 'max-content' }}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={recent}
          columns={[
            { title: 'Ngày', dataIndex: 'date', render: vnDate, width: 120 },
            { title: 'Sự kiện', dataIndex: 'kind', render: (k) => label('member_event_kinds', k), width: 260 },
            {
              title: 'Họ và tên',
              dataIndex: 'full_name',
              render: (n, r) => <a href={`#/member/${encodeURIComponent(r.member)}`}>{n}</a>,
            },
            { title: 'Tổ chức', dataIndex: 'org', width: 140 },
          ]}
        />
      </Card>
      {children.length > 0 && (
        <Card title="Tổ chức trực thuộc">
          <Table<TreeNode>
            scroll={{ x: 'max-content' }}
            rowKey="code"
            size="small"
            pagination={false}
            expandable={{ childrenColumnName: 'none' }}
            dataSource={children}
            columns={[
              {
                title: 'Tên',
                dataIndex: 'name',
                render: (n, r) => <a href={`#/org/${encodeURIComponent(r.code)}`}>{n}</a>,
              },
              { title: 'Loại', dataIndex: 'kind', render: (k) => <Tag>{label('org_kinds', k)}</Tag> },
              { title: 'Đảng viên', render: (_, r) => r.counts.members, align: 'right' },
            ]}
          />
        </Card>
      )}
      {op && sub && (
        <OrgOpDialog
          op={op}
          org={sub}
          orgs={flatten(whole)}
          onClose={(changed) => {
            setOp(null);
            if (changed) {
              reload();
            }
          }}
        />
      )}
    </Space>
  );
}
