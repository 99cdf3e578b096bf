// The review conferences of an organization and those below it over a date range, the tasks that
// are overdue, and the form that creates a conference with its sites.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { can, type Viewer, type ConferenceSummary } from '../api';
import { vnDate, label } from '../labels';
import { CancelledMark } from './CancelDialog';
import { go } from '../route';
import { CreateConferenceDialog } from './ConferenceForms';
import { iso, dateFormats } from './forms';
import { OverdueTasks } from './OverdueTasks';
import { flatten, useTree } from './Tree';
import { $api, errorText } from '../client';

export function ConferencesPage({ account, code }: { account: Viewer; code?: string }) {
  const { root } = useTree(null, code || undefined);
  const org = code || account.org || root?.code || '';
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs().endOf('year')]);
  const [creating, setCreating] = useState(false);
  const list = $api.useQuery(
    'get',
    '/api/v1/orgs/{code}/conferences',
    { params: { path: { code: org }, query: { from: iso(range[0]), to: iso(range[1]), limit: 500 } } },
    { enabled: !!org },
  );
  const rows: ConferenceSummary[] | undefined = list.data?.conferences;
  const error = errorText(list.error);
  const orgs = useMemo(() => flatten(root), [root]);
  return (
    <Card
      title={`Hội nghị${root ? ` – ${root.name}` : ''}`}
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            aria-label="Khoảng thời gian"
            value={range}
            format={dateFormats}
            allowClear={false}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
          />
          {can.recordConferences(account) && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-conference">
              Tạo hội nghị
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" message={error} />}
      <Tabs
        items={[
          {
            key: 'list',
            label: `Hội nghị (${rows?.length ?? 0})`,
            children: (
              <Table<ConferenceSummary>
                scroll={{ x: 'max-content' }}
                rowKey="id"
                size="small"
                data-testid="conferences"
                loading={rows === undefined && !error}
                dataSource={rows ?? []}
                rowClassName={(c) => (c.cancelled ? 'dv-cancelled' : '')}
                locale={{ emptyText: 'Chưa có hội nghị nào trong khoảng thời gian này.' }}
                columns={[
                  { title: 'Ngày', dataIndex: 'date', render: vnDate, width: 110 },
                  {
                    title: 'Tên hội nghị',
                    dataIndex: 'title',
                    render: (t, c) => (
                      <>
                        <a href={`#/conference/${c.id}`}>{t}</a> <CancelledMark cancelled={c.cancelled} />
                      </>
                    ),
                  },
                  { title: 'Tổ chức', dataIndex: 'org_name' },
                  { title: 'Loại', dataIndex: 'kind', render: (k) => <Tag>{label('conference_kinds', k)}</Tag> },
                  { title: 'Kỳ', dataIndex: 'period_label' },
                ]}
              />
            ),
          },
          {
            key: 'overdue',
            label: 'Nhiệm vụ quá hạn',
            children: <OverdueTasks org={org} />,
          },
        ]}
      />
      {creating && (
        <CreateConferenceDialog
          orgs={orgs}
          onClose={(id) => {
            setCreating(false);
            if (id) go('conference', String(id));
          }}
        />
      )}
    </Card>
  );
}
