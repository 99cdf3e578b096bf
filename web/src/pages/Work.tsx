// The work of an organization and the organizations below it: branch meetings, inspections and
// supervisions, study sessions, over a date range; and the forms that record them.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { can, type Account, type Activities } from '../api';
import { vnDate } from '../labels';
import { go } from '../route';
import { iso, dateFormats } from './forms';
import { flatten, useTree } from './Tree';
import { WorkFormDialog, type WorkForm } from './WorkForms';
import { useNarrow } from '../shell/AppHeader';
import { keepPreviousData } from '@tanstack/react-query';
import { $api, errorText } from '../client';

// The server gives at most this many of each kind, newest first.
const limit = 500;
const count = (n: number) => (n >= limit ? `${limit}+` : String(n));

export function WorkPage({ account, code }: { account: Account; code?: string }) {
  const { root } = useTree(null, code || undefined);
  const narrow = useNarrow();
  const org = code || account.org || root?.code || '';
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [open, setOpen] = useState<WorkForm | null>(null);
  const activities = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/activities',
    { params: { path: { code: org }, query: { from: iso(range[0]), to: iso(range[1]), limit } } },
    { enabled: !!org, placeholderData: keepPreviousData },
  );
  const data: Activities | undefined = activities.data;
  const error = errorText(activities.error);
  const orgs = useMemo(() => flatten(root), [root]);
  const role = account.role;
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
        {can.recordActivities(role) && (
          <Button type="primary" onClick={() => setOpen('meeting')} data-testid="new-meeting">
            Ghi sinh hoạt chi bộ
          </Button>
        )}
        {can.recordOversight(role) && (
          <Button onClick={() => setOpen('oversight')} data-testid="new-oversight">
            Ghi kiểm tra, giám sát
          </Button>
        )}
        {can.recordActivities(role) && (
          <Button onClick={() => setOpen('study')} data-testid="new-study">
            Ghi học tập nghị quyết
          </Button>
        )}
        {can.plan(role) && (
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
                  columns={[
                    { title: 'Ngày', dataIndex: 'date', render: vnDate },
                    { title: 'Chi bộ', dataIndex: 'org_name' },
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
                  columns={[
                    { title: 'Ngày', dataIndex: 'date', render: vnDate },
                    { title: 'Tổ chức tiến hành', dataIndex: 'org_name' },
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
                  columns={[
                    { title: 'Ngày', dataIndex: 'date', render: vnDate },
                    { title: 'Chi bộ', dataIndex: 'org_name' },
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
        Mỗi lần ghi được lưu vào nhật ký thao tác và không xóa được; hãy kiểm tra kỹ trước khi bấm «Ghi».
      </Typography.Paragraph>
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
