// The work of an organization and the organizations below it: branch meetings, inspections and
// supervisions, study sessions, over a date range; and the forms that record them.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { can, type Viewer, type Activities, type Meeting, type Oversight, type StudySession } from '../api';
import { vnDate } from '../labels';
import { go } from '../route';
import { iso, dateFormats } from './forms';
import { flatten, useTree } from './Tree';
import { WorkFormDialog, type WorkForm } from './WorkForms';
import { useNarrow } from '../shell/AppHeader';
import { keepPreviousData } from '@tanstack/react-query';
import { $api, errorText } from '../client';
import { CancelDialog, CancelledMark, CancelledNote, type CancelTarget } from './CancelDialog';

type Row = Meeting | Oversight | StudySession;

// The org that recorded it, with its parent: two branches of a committee may share a name.
function orgCell(r: Row) {
  return (
    <span>
      {r.org_name}
      {r.org_parent_name && (
        <>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>
            {r.org_parent_name}
          </Typography.Text>
        </>
      )}
    </span>
  );
}

const dateCell = (d: string, r: Row) => (
  <span style={{ whiteSpace: 'nowrap' }}>
    {vnDate(d)} <CancelledMark cancelled={r.cancelled} />
  </span>
);

// A cancelled record stays listed, greyed and struck through.
const rowClassName = (r: Row) => (r.cancelled ? 'dv-cancelled' : '');

// The server gives at most this many of each kind, newest first.
const limit = 500;
const count = (n: number) => (n >= limit ? `${limit}+` : String(n));

export function WorkPage({ account, code }: { account: Viewer; code?: string }) {
  const { root } = useTree(null, code || undefined);
  const narrow = useNarrow();
  const org = code || account.org || root?.code || '';
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [open, setOpen] = useState<WorkForm | null>(null);
  const [cancelling, setCancelling] = useState<CancelTarget | null>(null);
  // Opened under a row: what the list does not show, and «Hủy» for a record made by mistake.
  const details = (r: Row, kind: CancelTarget['kind'], what: string, may: boolean, more?: React.ReactNode) => (
    <Space direction="vertical" size={4} data-testid={`details-${r.id}`} className="dv-row-details">
      {more}
      <CancelledNote cancelled={r.cancelled} />
      {!r.cancelled && may && (
        <Button
          size="small"
          danger
          onClick={() => setCancelling({ kind, id: r.id, what })}
          data-testid={`cancel-${r.id}`}
        >
          Hủy bản ghi nhầm…
        </Button>
      )}
    </Space>
  );
  const activities = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/activities',
    { params: { path: { code: org }, query: { from: iso(range[0]), to: iso(range[1]), limit } } },
    { enabled: !!org, placeholderData: keepPreviousData },
  );
  const data: Activities | undefined = activities.data;
  const error = errorText(activities.error);
  const orgs = useMemo(() => flatten(root), [root]);
  return (
    <Card
      title={`Công tác${root ? ` – ${root.name}` : ''}`}
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            aria-label="Khoảng thời gian"
            value={range}
            format={dateFormats}
            allowClear={false}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Button onClick={() => go('report', org)}>Báo cáo</Button>
          <Button onClick={() => go('plan', org)}>Kế hoạch năm</Button>
        </Space>
      }
    >
      {error && <Alert type="error" message={error} />}
      <Space wrap style={{ marginBottom: 16 }}>
        {can.recordActivities(account) && (
          <Button type="primary" onClick={() => setOpen('meeting')} data-testid="new-meeting">
            Ghi sinh hoạt chi bộ
          </Button>
        )}
        {can.recordOversight(account) && (
          <Button onClick={() => setOpen('oversight')} data-testid="new-oversight">
            Ghi kiểm tra, giám sát
          </Button>
        )}
        {can.recordActivities(account) && (
          <Button onClick={() => setOpen('study')} data-testid="new-study">
            Ghi học tập nghị quyết
          </Button>
        )}
        {can.plan(account) && (
          <Button onClick={() => setOpen('document')} data-testid="new-document">
            Ghi văn bản vào sổ
          </Button>
        )}
      </Space>
      {data && (
        <Tabs
          items={[
            {
              key: 'meetings',
              label: `${narrow ? 'Sinh hoạt' : 'Sinh hoạt chi bộ'} (${count(data.meetings.length)})`,
              children: (
                <Table
                  scroll={{ x: 'max-content' }}
                  size="small"
                  rowKey="id"
                  data-testid="meetings"
                  dataSource={data.meetings}
                  rowClassName={rowClassName}
                  expandable={{
                    expandRowByClick: true,
                    expandedRowRender: (m) =>
                      details(
                        m,
                        'meeting',
                        `buổi sinh hoạt ngày ${vnDate(m.date)} của ${m.org_name}`,
                        can.recordActivities(account),
                        <Typography.Text>
                          {m.absences.length === 0
                            ? 'Không có đảng viên vắng mặt.'
                            : `Vắng mặt (${m.absences.length}): ` +
                              m.absences
                                .map((a) => (a.reason ? `${a.full_name} (${a.reason})` : a.full_name))
                                .join('; ')}
                        </Typography.Text>,
                      ),
                  }}
                  columns={[
                    { title: 'Ngày', dataIndex: 'date', render: dateCell },
                    { title: 'Chi bộ', render: orgCell },
                    { title: 'Loại', dataIndex: 'kind_label' },
                    { title: 'Chủ đề', dataIndex: 'topic' },
                    { title: 'Có mặt', render: (_, m) => `${m.present}/${m.expected}` },
                    { title: 'Chất lượng', dataIndex: 'quality_label' },
                  ]}
                />
              ),
            },
            {
              key: 'oversights',
              label: `${narrow ? 'Kiểm tra' : 'Kiểm tra, giám sát'} (${count(data.oversights.length)})`,
              children: (
                <Table
                  scroll={{ x: 'max-content' }}
                  size="small"
                  rowKey="id"
                  data-testid="oversights"
                  dataSource={data.oversights}
                  rowClassName={rowClassName}
                  expandable={{
                    expandRowByClick: true,
                    expandedRowRender: (o) =>
                      details(
                        o,
                        'oversight',
                        `cuộc ${o.kind_label} ngày ${vnDate(o.date)} (${o.subject})`,
                        can.recordOversight(account),
                      ),
                  }}
                  columns={[
                    { title: 'Ngày', dataIndex: 'date', render: dateCell },
                    { title: 'Tổ chức tiến hành', render: orgCell },
                    { title: 'Hình thức', render: (_, o) => `${o.kind_label} ${o.basis_label}` },
                    { title: 'Đối tượng', dataIndex: 'subject' },
                    { title: 'Kết luận', dataIndex: 'conclusion' },
                  ]}
                />
              ),
            },
            {
              key: 'study',
              label: `${narrow ? 'Học tập' : 'Học tập nghị quyết'} (${count(data.study_sessions.length)})`,
              children: (
                <Table
                  scroll={{ x: 'max-content' }}
                  size="small"
                  rowKey="id"
                  data-testid="study"
                  dataSource={data.study_sessions}
                  rowClassName={rowClassName}
                  expandable={{
                    expandRowByClick: true,
                    expandedRowRender: (st) =>
                      details(
                        st,
                        'study',
                        `buổi học tập ngày ${vnDate(st.date)} của ${st.org_name}`,
                        can.recordActivities(account),
                      ),
                  }}
                  columns={[
                    { title: 'Ngày', dataIndex: 'date', render: dateCell },
                    { title: 'Chi bộ', render: orgCell },
                    { title: 'Văn bản', render: (_, s) => `${s.document} – ${s.document_title}` },
                    { title: 'Tham dự', render: (_, s) => `${s.present}/${s.expected}` },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      <Typography.Paragraph type="secondary">
        Bấm vào một dòng để xem chi tiết. Mỗi lần ghi được lưu vào nhật ký thao tác và không xóa được; một bản ghi nhầm
        được hủy (vẫn giữ, đánh dấu «Đã hủy», không còn tính vào số liệu).
      </Typography.Paragraph>
      {cancelling && <CancelDialog target={cancelling} onClose={() => setCancelling(null)} />}
      {open && (
        <WorkFormDialog
          form={open}
          orgs={orgs}
          // What was recorded shows by itself: every write marks the answers on screen stale.
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
