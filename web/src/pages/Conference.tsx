// One review conference: its head, sites, participants with attendance and the quorum (computed
// by the server), the attached report, the programme, the conclusion, decisions and follow-up
// tasks with their status; and the invitation, minutes and news item to download.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { can, query, type Viewer, type FollowUpTask, type Participant } from '../api';
import { attendanceColor, taskStatusColor, vnDate, label } from '../labels';
import { go } from '../route';
import { ConferenceDialog, type ConferenceForm } from './ConferenceDialogs';
import { flatten, useTree } from './Tree';
import { $api, errorText } from '../client';
import { useNarrow } from '../shell/AppHeader';
import { CancelDialog, cancelledText } from './CancelDialog';
import { ItemFile } from './ItemFile';

export function ConferencePage({ account, id }: { account: Viewer; id: string }) {
  const narrow = useNarrow();
  const [open, setOpen] = useState<ConferenceForm | null>(null);
  const [author, setAuthor] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const conference = $api.useQuery('get', '/api/v1/conferences/{id}', { params: { path: { id: Number(id) } } });
  const c = conference.error ? undefined : conference.data;
  const error = errorText(conference.error);
  const held = useMemo(() => (c ? dayjs(c.date) : null), [c?.date]); // eslint-disable-line react-hooks/exhaustive-deps
  const { root } = useTree(held, c?.org);
  const orgs = useMemo(() => flatten(root), [root]);
  if (error) return <Alert type="error" message={error} />;
  if (!c) return null;
  // A cancelled conference takes no further write and has no document to download.
  const write = can.recordConferences(account) && !c.cancelled;
  const base = `/api/v1/conferences/${c.id}`;
  const q = c.quorum;
  const rule = `${q.more_than ? 'quá' : 'ít nhất'} ${q.numerator}/${q.denominator}`;
  const tasks = c.tasks;
  const programme = c.items;
  const action = (label: string, form: ConferenceForm, testid: string) =>
    write && (
      <Button onClick={() => setOpen(form)} data-testid={testid}>
        {label}
      </Button>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={<span data-testid="conference-title">{c.title}</span>}
        extra={
          <Space wrap>
            <Button onClick={() => go('conferences', c.org)}>Các hội nghị</Button>
            {write && (
              <Button danger onClick={() => setCancelling(true)} data-testid="cancel-conference">
                Hủy hội nghị ghi nhầm…
              </Button>
            )}
          </Space>
        }
      >
        {c.cancelled && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="conference-cancelled"
            message="Hội nghị này đã bị hủy (ghi nhầm): không tính vào số liệu, không ghi thêm và không có giấy mời, biên bản, tin bài."
            description={cancelledText(c.cancelled)}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label="Tổ chức">
            <a href={`#/org/${encodeURIComponent(c.org)}`}>{c.org_name}</a>
          </Descriptions.Item>
          <Descriptions.Item label="Loại">{label('conference_kinds', c.kind)}</Descriptions.Item>
          <Descriptions.Item label="Kỳ">{c.period_label}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {c.start_time ? `${c.start_time}, ` : ''}
            {vnDate(c.date)}
          </Descriptions.Item>
          <Descriptions.Item label="Chủ trì">
            {c.chair || <Typography.Text type="secondary">Chưa ghi</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="Thư ký">
            {c.secretary || <Typography.Text type="secondary">Chưa ghi</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="Báo cáo của kỳ" span={2}>
            <Space wrap>
              {c.report ? (
                <span data-testid="attached-report">
                  <a href={`#/report/${encodeURIComponent(c.report.org)}`}>
                    Báo cáo {c.report.period_label} của {c.report.org_name}
                  </a>
                </span>
              ) : (
                <Typography.Text type="secondary">Chưa gắn báo cáo</Typography.Text>
              )}
              {action(c.report ? 'Gắn báo cáo khác' : 'Gắn báo cáo', { which: 'report' }, 'attach-report')}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {!c.cancelled && (
          <>
            <Space wrap style={{ marginTop: 16 }}>
              <Button href={`${base}/invitation${query({ format: 'docx' })}`} data-testid="download-invitation">
                Tải giấy mời (Word)
              </Button>
              <Button href={`${base}/minutes${query({ format: 'docx' })}`} data-testid="download-minutes">
                Tải biên bản (Word)
              </Button>
              <Input
                style={{ width: 220 }}
                placeholder="Tác giả tin bài"
                aria-label="Tác giả tin bài"
                value={author}
                onChange={(e) => setAuthor(e.target.value)}
              />
              <Button href={`${base}/news${query({ format: 'html', author })}`} data-testid="download-news-html">
                Tải tin bài (HTML)
              </Button>
              <Button href={`${base}/news${query({ format: 'txt', author })}`} data-testid="download-news-txt">
                Tải tin bài (văn bản)
              </Button>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              Giấy mời, biên bản và tin bài được viết từ dữ liệu đã ghi; số liệu lấy từ báo cáo của kỳ. Phần chưa ghi
              được đánh dấu để văn phòng bổ sung.
            </Typography.Paragraph>
          </>
        )}
      </Card>

      <Card title={`Điểm cầu (${c.sites.length})`} extra={action('Thêm điểm cầu', { which: 'site' }, 'add-site')}>
        <Table
          scroll={{ x: 'max-content' }}
          rowKey="number"
          size="small"
          pagination={false}
          data-testid="sites"
          dataSource={c.sites}
          locale={{ emptyText: 'Chưa có điểm cầu.' }}
          columns={[
            { title: 'Số', dataIndex: 'number', width: 60 },
            { title: 'Tên điểm cầu', dataIndex: 'name' },
            { title: 'Hình thức', dataIndex: 'mode_vi' },
            { title: 'Địa chỉ, đường dẫn', render: (_, s) => (s.mode === 'online' ? s.link : s.address) },
            { title: 'Đơn vị chủ trì', dataIndex: 'host_name' },
            // Everyone recorded at the site, guests too; the quorum below counts party members only,
            // latecomers with them.
            { title: 'Có mặt đúng giờ', dataIndex: 'present', align: 'right' },
            { title: 'Đến muộn', dataIndex: 'late', align: 'right' },
            { title: 'Vắng', dataIndex: 'absent', align: 'right' },
          ]}
        />
      </Card>

      <Card
        title={`Đại biểu (${c.participants.length})`}
        extra={
          <Space wrap>
            {action('Mời đại biểu', { which: 'invite' }, 'invite')}
            {c.participants.length > 0 && action('Điểm danh nhiều người', { which: 'attend-many' }, 'attend-many')}
          </Space>
        }
      >
        {q.invited > 0 ? (
          <Alert
            style={{ marginBottom: 12 }}
            type={q.reached ? 'success' : 'warning'}
            data-testid="quorum"
            message={
              `Đảng viên có mặt (kể cả đến muộn): ${q.present}/${q.invited} người được mời (quy định ${rule}, tức ít nhất ${q.required}): ` +
              (q.reached ? 'đủ số lượng để tiến hành hội nghị.' : 'chưa đủ số lượng.') +
              (c.unrecorded > 0 ? ` Còn ${c.unrecorded} người chưa điểm danh.` : '')
            }
          />
        ) : (
          <Alert style={{ marginBottom: 12 }} type="info" message="Chưa mời đảng viên nào." />
        )}
        <Table<Participant>
          scroll={{ x: 'max-content' }}
          rowKey="id"
          size="small"
          data-testid="participants"
          dataSource={c.participants}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              // On a phone the name stays in view while the row scrolls to «Điểm danh».
              fixed: 'left' as const,
              width: narrow ? 130 : undefined,
              title: 'Họ và tên',
              dataIndex: 'name',
              render: (n, p) =>
                p.kind === 'member' ? <a href={`#/member/${encodeURIComponent(p.member)}`}>{n}</a> : n,
            },
            {
              title: 'Mã đảng viên; chức vụ, đơn vị',
              render: (_, p) => (p.kind === 'guest' ? [p.title, p.organization].filter(Boolean).join(', ') : p.member),
            },
            {
              title: 'Khách mời',
              dataIndex: 'kind',
              render: (k) => (k === 'guest' ? <Tag>Khách mời</Tag> : null),
              width: 100,
            },
            {
              title: 'Điểm cầu',
              dataIndex: 'site',
              render: (n: number | null) => (n ? (c.sites.find((s) => s.number === n)?.name ?? n) : ''),
            },
            {
              title: 'Điểm danh',
              render: (_, p) => (
                <span data-testid={`attendance-${p.id}`}>
                  <Tag color={attendanceColor[p.attendance]}>
                    {p.attendance === 'invited' ? 'chưa điểm danh' : p.attendance_vi}
                  </Tag>
                  {p.reason}
                </span>
              ),
            },
            ...(write
              ? [
                  {
                    title: '',
                    width: 110,
                    render: (_: unknown, p: Participant) => (
                      <Button
                        size="small"
                        onClick={() => setOpen({ which: 'attend', participant: p })}
                        data-testid={`attend-${p.kind === 'member' ? p.member : p.id}`}
                      >
                        Điểm danh
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card
        title="Chương trình, tham luận, phát biểu"
        extra={action('Thêm tham luận, phát biểu', { which: 'item' }, 'add-item')}
      >
        <List
          size="small"
          data-testid="items"
          dataSource={programme}
          locale={{ emptyText: 'Chưa có nội dung.' }}
          renderItem={(i) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>
                  {i.seq}. <Tag>{i.kind_vi}</Tag> {i.title}
                  {i.file && !i.attachment && <Typography.Text type="secondary"> ({i.file})</Typography.Text>}
                </span>
                {i.speaker && (
                  <Typography.Text type="secondary">
                    {[i.speaker, i.speaker_title, i.speaker_org].filter(Boolean).join(', ')}
                  </Typography.Text>
                )}
                {i.summary && <Typography.Text>{i.summary}</Typography.Text>}
                <ItemFile conference={c.id} item={i} write={write} />
              </Space>
            </List.Item>
          )}
        />
      </Card>

      <Card
        title="Kết luận của hội nghị"
        extra={action(c.conclusion ? 'Sửa kết luận' : 'Ghi kết luận', { which: 'conclusion' }, 'conclude')}
      >
        {c.conclusion ? (
          <Typography.Paragraph data-testid="conclusion" style={{ whiteSpace: 'pre-wrap' }}>
            {c.conclusion}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">Chưa ghi kết luận.</Typography.Text>
        )}
      </Card>

      <Card title="Quyết nghị" extra={action('Ghi quyết nghị', { which: 'decision' }, 'add-decision')}>
        <List
          size="small"
          dataSource={c.decisions}
          locale={{ emptyText: 'Chưa có quyết nghị.' }}
          renderItem={(d) => (
            <List.Item>
              {d.kind === 'cluster_rotation'
                ? `${d.leading_name} làm Cụm trưởng${d.deputy_name ? `, ${d.deputy_name} làm Cụm phó` : ''} ${d.for_period_label}. ${d.text}`
                : d.text}
            </List.Item>
          )}
        />
      </Card>

      <Card
        title={`Nhiệm vụ trọng tâm (${tasks.length})`}
        extra={action('Giao nhiệm vụ', { which: 'task' }, 'add-task')}
      >
        <Table<FollowUpTask>
          scroll={{ x: 'max-content' }}
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="tasks"
          dataSource={tasks}
          locale={{ emptyText: 'Chưa giao nhiệm vụ.' }}
          columns={[
            { title: 'Nhiệm vụ', dataIndex: 'title' },
            { title: 'Đơn vị thực hiện', dataIndex: 'owner_name' },
            { title: 'Thời hạn', dataIndex: 'due_on', render: vnDate, width: 110 },
            {
              title: `Tình trạng (${vnDate(c.as_of)})`,
              render: (_, t) => (
                <span data-testid={`task-status-${t.seq}`}>
                  <Tag color={taskStatusColor[t.status]}>{t.status_vi}</Tag>
                  {t.status === 'done' && t.done_on && `ngày ${vnDate(t.done_on)}${t.done_late ? ' (chậm hạn)' : ''}`}
                  {t.status === 'overdue' && `${t.days_overdue} ngày`}
                </span>
              ),
            },
            ...(write
              ? [
                  {
                    title: '',
                    render: (_: unknown, t: FollowUpTask) => (
                      <Space>
                        {(t.status === 'open' || t.status === 'overdue') && (
                          <>
                            <Button
                              size="small"
                              onClick={() => setOpen({ which: 'task-status', task: t, status: 'done' })}
                              data-testid={`task-done-${t.seq}`}
                            >
                              Hoàn thành
                            </Button>
                            <Button
                              size="small"
                              onClick={() => setOpen({ which: 'task-status', task: t, status: 'cancelled' })}
                            >
                              Hủy
                            </Button>
                          </>
                        )}
                        {(t.status === 'done' || t.status === 'cancelled') && (
                          <Button
                            size="small"
                            onClick={() => setOpen({ which: 'task-status', task: t, status: 'reopened' })}
                          >
                            Mở lại
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {cancelling && (
        <CancelDialog
          target={{ kind: 'conference', id: c.id, what: `hội nghị «${c.title}» ngày ${vnDate(c.date)}` }}
          onClose={() => setCancelling(false)}
        />
      )}
      {open && (
        <ConferenceDialog
          form={open}
          conference={c}
          orgs={orgs}
          // What was recorded shows by itself: every write marks the answers on screen stale.
          onClose={() => setOpen(null)}
        />
      )}
    </Space>
  );
}
