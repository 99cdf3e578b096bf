// The follow-up tasks of an organization and the organizations below it that are overdue on a
// date (the server folds each task's events; nothing is computed here).

import { Alert, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { type FollowUpTask } from '../api';
import { vnDate } from '../labels';
import { iso } from './forms';
import { $api, errorText } from '../client';

export function OverdueTasks({ org, at }: { org: string; at?: Dayjs | null }) {
  const overdue = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/overdue-tasks',
    { params: { path: { code: org }, query: { at: iso(at) || undefined } } },
    { enabled: !!org },
  );
  const tasks: FollowUpTask[] | undefined = overdue.data?.tasks;
  const error = errorText(overdue.error);
  if (error) return <Alert type="error" message={error} />;
  return (
    <Table<FollowUpTask>
      scroll={{ x: 'max-content' }}
      rowKey="id"
      size="small"
      pagination={false}
      data-testid="overdue-tasks"
      loading={tasks === undefined}
      dataSource={tasks ?? []}
      locale={{ emptyText: 'Không có nhiệm vụ quá hạn.' }}
      columns={[
        { title: 'Nhiệm vụ', dataIndex: 'title' },
        { title: 'Đơn vị thực hiện', dataIndex: 'owner_name' },
        { title: 'Thời hạn', dataIndex: 'due_on', render: vnDate, width: 110 },
        {
          title: 'Quá hạn',
          dataIndex: 'days_overdue',
          width: 110,
          render: (d: number) => <Tag color="red">{d} ngày</Tag>,
        },
        {
          title: 'Hội nghị',
          dataIndex: 'conference',
          width: 100,
          render: (id: number) => <a href={`#/conference/${id}`}>#{id}</a>,
        },
      ]}
    />
  );
}
